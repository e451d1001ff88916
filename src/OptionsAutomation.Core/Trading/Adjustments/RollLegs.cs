using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Trading.Adjustments;

/// <summary>
/// The legs of a roll order: the old position's legs closed (buy to close the short put, sell to close the long one) and
/// the new strategy's legs opened (sell to open, buy to open), in that order, one unit = one contract of each.
/// </summary>
public static class RollLegs
{
    public static OrderTicket Ticket(Position old, CreditStrategy next, int quantity, string clientOrderId, decimal? limitPrice, DateTimeOffset asOf) => new(
        clientOrderId,
        old.Ticker,
        new([.. OrderTicket.ToClose(old, clientOrderId, asOf).Legs, .. OrderTicket.ToOpen(next, quantity, clientOrderId, asOf).Legs]),
        quantity,
        limitPrice,
        asOf);

    /// <summary>The ticket of a recorded roll order, rebuilt from its stored legs (recovery follows the order as it was sent).</summary>
    /// <exception cref="InvalidOperationException">when a stored leg's symbol is not an OCC option symbol.</exception>
    public static OrderTicket Ticket(OrderRecord recorded, string underlying, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var legs = recorded.Legs.Select(l => OptionContract.TryParseOcc(l.Symbol, out var contract)
            ? new OrderLeg(contract, l.Side, l.Ratio)
            : throw new InvalidOperationException($"roll order {recorded.ClientOrderId} has a leg that is not an option: {l.Symbol}"));
        return new OrderTicket(recorded.ClientOrderId, underlying, new(legs), recorded.Quantity ?? 1, recorded.LimitPrice, asOf);
    }

    public static bool Opens(OrderLeg leg) => leg.Side is OrderSide.SellToOpen or OrderSide.BuyToOpen;

    /// <summary>
    /// The new position's shape from the ticket's opening legs: its expiration, the short strike (sold to open) and the
    /// long strike (bought to open; none for a CSP).
    /// </summary>
    public static (DateOnly Expiration, decimal ShortStrike, decimal? LongStrike) Opening(OrderTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var sold = ticket.Legs.Single(l => l.Side == OrderSide.SellToOpen);
        var bought = ticket.Legs.SingleOrDefault(l => l.Side == OrderSide.BuyToOpen);
        return (sold.Contract.Expiration, sold.Contract.Strike, bought?.Contract.Strike);
    }
}
