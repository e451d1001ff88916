namespace OptionsAutomation.Core.Orders;

/// <summary>Records each re-price of a working order: the stored limit follows the last replace, and the step is audited.</summary>
public interface IOrderReprices
{
    /// <summary>One transaction: the order's stored limit becomes <see cref="OrderReprice.To"/> and the step is audited.</summary>
    Task RecordAsync(OrderReprice reprice, CancellationToken cancellationToken);
}
