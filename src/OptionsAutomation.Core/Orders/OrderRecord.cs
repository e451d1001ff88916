namespace OptionsAutomation.Core.Orders;

/// <summary>
/// One recorded order as people read it (<c>orders list</c>, <c>GET /api/orders</c>): the <c>orders</c> row, its legs,
/// every state it went through (from the audit trail) and the leg fills booked for it. <see cref="Quantity"/> and
/// <see cref="FilledQuantity"/> count order units (one unit = every leg at its ratio); prices are net per share (debit
/// positive), <see cref="Fees"/> the order's commissions in dollars. <see cref="Quantity"/> is null on rows written
/// before the order lifecycle (migration 0006); a legacy FAILED row reads as <see cref="OrderStatus.Rejected"/>.
/// <see cref="LimitPrice"/> is the last limit the broker accepted; <see cref="Reprices"/> the steps of its price walk.
/// </summary>
public sealed record OrderRecord(
    string ClientOrderId,
    OrderIntent Intent,
    OrderStatus State,
    long? PositionId,
    string? RequestId,
    string? Reason,
    int? Quantity,
    int FilledQuantity,
    decimal? LimitPrice,
    decimal? FillPrice,
    decimal? Fees,
    string? BrokerOrderId,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    ValueList<OrderLegRecord> Legs,
    ValueList<OrderTransition> History,
    ValueList<OrderFillRecord> Fills,
    ValueList<OrderReprice> Reprices);

/// <summary>One leg of a recorded order: the contract's OCC symbol, the side and contracts per order unit.</summary>
public sealed record OrderLegRecord(string Symbol, OrderSide Side, int Ratio);

/// <summary>
/// One state an order entered, from its audit event: when, the event type (<c>order.submitted</c>, <c>order.accepted</c>,
/// <c>order.filled</c>, …), the state it names (PENDING when the order was recorded, before the broker call), the filled
/// quantity then, who moved it and why (a rejection's or cancellation's reason).
/// </summary>
public sealed record OrderTransition(DateTimeOffset At, string Event, OrderStatus Status, int FilledQuantity, string Actor, string? Reason);
