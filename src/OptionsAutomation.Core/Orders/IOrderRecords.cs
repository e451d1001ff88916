namespace OptionsAutomation.Core.Orders;

/// <summary>Reading the recorded orders (<c>orders</c>); writes go with the change they belong to.</summary>
public interface IOrderRecords
{
    /// <summary>Every order not in a final state, oldest first.</summary>
    Task<IReadOnlyList<WorkingOrder>> ListWorkingAsync(CancellationToken cancellationToken);
}
