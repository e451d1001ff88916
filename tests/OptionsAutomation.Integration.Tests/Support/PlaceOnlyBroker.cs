using OptionsAutomation.Core.Orders;

namespace OptionsAutomation.Integration.Tests.Support;

/// <summary>
/// A scripted broker whose orders are final as soon as they are placed, so only <see cref="PlaceAsync"/> is
/// ever called; the rest of the port fails the test if it is reached.
/// </summary>
public abstract class PlaceOnlyBroker : IBroker
{
    public abstract Task<OrderState> PlaceAsync(OrderTicket ticket, CancellationToken cancellationToken);

    public Task<OrderState?> GetOrderAsync(string clientOrderId, CancellationToken cancellationToken) => throw Unexpected();

    public Task<OrderState?> CancelAsync(string clientOrderId, CancellationToken cancellationToken) => throw Unexpected();

    public Task<OrderState?> ReplaceAsync(string clientOrderId, decimal limitPrice, CancellationToken cancellationToken) => throw Unexpected();

    public Task<IReadOnlyList<LegFill>> GetFillsAsync(string clientOrderId, CancellationToken cancellationToken) => throw Unexpected();

    public Task<IReadOnlyList<BrokerPosition>> GetPositionsAsync(CancellationToken cancellationToken) => throw Unexpected();

    public Task<BrokerAccount> GetAccountAsync(CancellationToken cancellationToken) => throw Unexpected();

    private static NotSupportedException Unexpected() => new("a scripted broker's orders are final when placed");
}
