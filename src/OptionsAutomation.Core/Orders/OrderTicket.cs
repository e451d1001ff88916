using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Orders;

/// <summary>
/// An order as sent to a broker. <see cref="ClientOrderId"/> is the idempotency key: a broker that sees
/// it twice returns the first outcome. <see cref="LimitPrice"/> is a net price per share (a debit for a
/// close), null for a marketable order.
/// </summary>
public sealed record OrderTicket(
    string ClientOrderId,
    string Underlying,
    ValueList<OrderLeg> Legs,
    int Quantity,
    decimal? LimitPrice,
    DateTimeOffset AsOf)
{
    /// <summary>
    /// The opening order of a credit strategy: sell the short legs, buy the long ones, limited to the
    /// proposal's credit (a net price of −credit in this record's debit-positive convention).
    /// </summary>
    public static OrderTicket ToOpen(CreditStrategy strategy, int quantity, string clientOrderId, DateTimeOffset asOf) => new(
        clientOrderId,
        strategy.Underlying,
        new(strategy.Legs.Select(l => new OrderLeg(l.Contract, l.Side == LegSide.Short ? OrderSide.SellToOpen : OrderSide.BuyToOpen, l.Ratio))),
        quantity,
        -strategy.Credit,
        asOf);

    /// <summary>The order that closes every leg of <paramref name="position"/>.</summary>
    public static OrderTicket ToClose(Position position, string clientOrderId, DateTimeOffset asOf) =>
        ToClose(position, position.Quantity, clientOrderId, asOf);

    /// <summary>The order that closes <paramref name="contracts"/> units of every leg of <paramref name="position"/>.</summary>
    public static OrderTicket ToClose(Position position, int contracts, string clientOrderId, DateTimeOffset asOf) => new(
        clientOrderId,
        position.Ticker,
        new(position.Legs.Select(l => new OrderLeg(l.Contract, l.Side == LegSide.Short ? OrderSide.BuyToClose : OrderSide.SellToClose, l.Ratio))),
        contracts,
        null,
        asOf);
}
