using OptionsAutomation.Core;
using OptionsAutomation.Core.Orders;

namespace OptionsAutomation.Infrastructure.InMemory;

/// <summary>
/// One <c>orders</c> row of the in-memory book with what Postgres keeps of it elsewhere: the states it went through (its
/// audit events) and the steps of its price walk. <see cref="Sequence"/> is the row's id, in the order rows were made.
/// </summary>
internal sealed record BookOrder(
    long Sequence,
    string ClientOrderId,
    OrderIntent Intent,
    OrderStatus Status,
    long? PositionId,
    string? RequestId,
    string? Reason,
    ValueList<OrderLeg> Legs,
    int? Quantity,
    int FilledQuantity,
    decimal? LimitPrice,
    decimal? FillPrice,
    decimal? Fees,
    string? BrokerOrderId,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    ValueList<OrderTransition> History,
    ValueList<OrderReprice> Reprices)
{
    public WorkingOrder ToWorking() => new(ClientOrderId, Intent, Status, PositionId, RequestId, Reason, CreatedAt);

    public OrderRecord ToRecord(IEnumerable<OrderFillRecord> fills) => new(
        ClientOrderId, Intent, Status, PositionId, RequestId, Reason, Quantity, FilledQuantity, LimitPrice, FillPrice, Fees, BrokerOrderId, Error,
        CreatedAt, UpdatedAt, new(Legs.Select(l => new OrderLegRecord(l.Contract.OccSymbol, l.Side, l.Ratio))), History, new(fills), Reprices);
}
