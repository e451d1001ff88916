namespace OptionsAutomation.Core.Orders;

public enum OrderStatus
{
    Filled,

    /// <summary>The broker refused it or could not fill it; nothing was traded.</summary>
    Rejected,
}

/// <summary>One executed leg: price per share, contracts filled, the broker's fill id (unique).</summary>
public sealed record LegFill(string FillId, OrderLeg Leg, int Contracts, decimal Price);

/// <summary>
/// What a broker did with a ticket. For a fill, <see cref="NetPrice"/> is per share (debit positive for a
/// close) and <see cref="Fees"/> the commissions in dollars; a rejection carries <see cref="Reason"/>.
/// </summary>
public sealed record OrderOutcome(
    string ClientOrderId,
    OrderStatus Status,
    decimal? NetPrice,
    decimal Fees,
    ValueList<LegFill> Fills,
    string? BrokerOrderId,
    string? Reason,
    DateTimeOffset At)
{
    public static OrderOutcome Rejected(string clientOrderId, string reason, DateTimeOffset at) =>
        new(clientOrderId, OrderStatus.Rejected, null, 0m, ValueList<LegFill>.Empty, null, reason, at);
}
