namespace OptionsAutomation.Core.Orders;

/// <summary>
/// Broker port, narrow enough for a real broker adapter. <see cref="OrderTicket.ClientOrderId"/> is the
/// idempotency key: placing one id twice never trades twice, the second call answers the order's current
/// state. An exception means the outcome is unknown; callers treat that as not filled and ask again with the
/// same id. Orders may rest: poll <see cref="GetOrderAsync"/> and cancel what is still working
/// (<see cref="Trading.OrderExecutor"/> does both).
/// </summary>
public interface IBroker
{
    Task<OrderState> PlaceAsync(OrderTicket ticket, CancellationToken cancellationToken);

    /// <summary>The order's current state; null when the broker has never seen this client order id.</summary>
    Task<OrderState?> GetOrderAsync(string clientOrderId, CancellationToken cancellationToken);

    /// <summary>
    /// Cancels whatever is still working and answers the resulting state (a final order is answered as it
    /// is); null when the broker has never seen this client order id.
    /// </summary>
    Task<OrderState?> CancelAsync(string clientOrderId, CancellationToken cancellationToken);

    /// <summary>
    /// Re-prices a working order to <paramref name="limitPrice"/> (net per share, debit positive, as on the ticket) and
    /// answers its state afterwards. An order that is already final (a fill raced the replace) is answered as it is, never
    /// an error: the caller re-reads the state before every step. Null when the broker has never seen this client order id.
    /// </summary>
    Task<OrderState?> ReplaceAsync(string clientOrderId, decimal limitPrice, CancellationToken cancellationToken);

    /// <summary>Every leg fill of the order so far, oldest first; empty for an unknown id.</summary>
    Task<IReadOnlyList<LegFill>> GetFillsAsync(string clientOrderId, CancellationToken cancellationToken);

    Task<IReadOnlyList<BrokerPosition>> GetPositionsAsync(CancellationToken cancellationToken);

    Task<BrokerAccount> GetAccountAsync(CancellationToken cancellationToken);
}
