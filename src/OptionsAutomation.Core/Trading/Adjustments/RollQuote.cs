using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Orders;

namespace OptionsAutomation.Core.Trading.Adjustments;

/// <summary>
/// A roll order's market from one read of every leg's quote: the whole order's net mid and natural price per share (debit
/// positive, so a net credit is negative), and the new legs' own net mid credit with the oldest quote's time and whether
/// those legs are usable (a bid, not crossed) — what the risk gate judges the new position by.
/// </summary>
public sealed record RollQuote(decimal Mid, decimal Natural, decimal OpeningMidCredit, bool OpeningUsable, DateTimeOffset QuotedAt)
{
    /// <summary>The net credit at the mid (what the walk starts from), per share.</summary>
    public decimal MidCredit => -Mid;

    /// <summary>The net credit at the natural price (buying at asks, selling at bids), per share.</summary>
    public decimal NaturalCredit => -Natural;

    /// <summary>Null when a leg lacks a two-sided quote: a roll is not priced, so not sent, without one (fail closed).</summary>
    public static async Task<RollQuote?> ReadAsync(IMarketData marketData, OrderTicket ticket, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(marketData);
        ArgumentNullException.ThrowIfNull(ticket);
        decimal mid = 0m, natural = 0m, openingMid = 0m;
        var usable = true;
        DateTimeOffset? oldest = null;
        foreach (var leg in ticket.Legs)
        {
            var quote = await marketData.GetOptionQuoteAsync(leg.Contract, now, cancellationToken).ConfigureAwait(false);
            if (quote is not { Bid: { } bid, Ask: { } ask } || ask <= 0m || bid < 0m || bid > ask)
            {
                return null;
            }

            var sign = leg.Buys ? 1 : -1;
            var legMid = (bid + ask) / 2m;
            mid += sign * leg.Ratio * legMid;
            natural += sign * leg.Ratio * (leg.Buys ? ask : bid);
            if (RollLegs.Opens(leg))
            {
                openingMid -= sign * leg.Ratio * legMid;
                usable &= bid > 0m;
                oldest = oldest is null || quote.Timestamp < oldest ? quote.Timestamp : oldest;
            }
        }

        return new RollQuote(mid, natural, openingMid, usable, oldest ?? now);
    }
}
