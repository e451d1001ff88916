namespace OptionsAutomation.Core.Orders;

/// <summary>Reading the recorded orders (<c>orders</c>) and their fills; writes go with the change they belong to.</summary>
public interface IOrderRecords
{
    /// <summary>Every order not in a final state, oldest first.</summary>
    Task<IReadOnlyList<WorkingOrder>> ListWorkingAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The orders the filter selects, newest first, at most <see cref="OrderFilter.Limit"/>, each with its legs, its
    /// history and its fills.
    /// </summary>
    Task<IReadOnlyList<OrderRecord>> ListAsync(OrderFilter filter, CancellationToken cancellationToken);

    /// <summary>Every fill booked to the position (opening and closing), oldest first.</summary>
    Task<IReadOnlyList<OrderFillRecord>> FillsOfPositionAsync(long positionId, CancellationToken cancellationToken);
}
