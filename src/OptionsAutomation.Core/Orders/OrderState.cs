namespace OptionsAutomation.Core.Orders;

/// <summary>
/// What a broker reports about one order at one moment. <see cref="Quantity"/> and
/// <see cref="FilledQuantity"/> count order units (one unit = every leg at its ratio); <see cref="NetPrice"/>
/// is the average net price per share of the filled units (debit positive, so a credit is negative), null
/// while nothing filled; <see cref="Fees"/> the commissions so far in dollars; <see cref="Fills"/> every leg
/// fill so far; <see cref="Reason"/> why it was rejected or cancelled.
/// </summary>
public sealed record OrderState(
    string ClientOrderId,
    OrderStatus Status,
    int Quantity,
    int FilledQuantity,
    decimal? NetPrice,
    decimal Fees,
    ValueList<LegFill> Fills,
    string? BrokerOrderId,
    string? Reason,
    DateTimeOffset At)
{
    public bool IsFinal => OrderLifecycle.IsFinal(Status);

    public int UnfilledQuantity => Quantity - FilledQuantity;

    public static OrderState Rejected(string clientOrderId, int quantity, string reason, DateTimeOffset at) =>
        new(clientOrderId, OrderStatus.Rejected, quantity, 0, null, 0m, ValueList<LegFill>.Empty, null, reason, at);
}
