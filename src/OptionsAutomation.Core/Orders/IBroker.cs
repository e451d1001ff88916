namespace OptionsAutomation.Core.Orders;

/// <summary>
/// Broker port. Submitting one <see cref="OrderTicket.ClientOrderId"/> twice must not trade twice.
/// An exception means the outcome is unknown; callers treat that as not filled and retry with the same id.
/// </summary>
public interface IBroker
{
    Task<OrderOutcome> SubmitAsync(OrderTicket ticket, CancellationToken cancellationToken);
}
