namespace OptionsAutomation.Core.Orders.Paper;

/// <summary>Where the paper market fills an order now: per-share leg prices for one unit, or null when it rests.</summary>
public static class PaperPricing
{
    public static IReadOnlyList<(OrderLeg Leg, decimal Price)>? FillPrices(OrderTicket ticket, IReadOnlyList<LegQuote> quotes, decimal priceImprovement) =>
        ticket.LimitPrice is { } limit ? AtLimit(quotes, limit) : AtTheTouch(quotes, priceImprovement);

    /// <summary>Net price per share of one unit, debit positive.</summary>
    public static decimal Net(IEnumerable<(OrderLeg Leg, decimal Price)> legs) => legs.Sum(l => (l.Leg.Buys ? l.Price : -l.Price) * l.Leg.Ratio);

    /// <summary>A marketable order: buys at the ask and sells at the bid, each improved but never through the other side.</summary>
    private static List<(OrderLeg Leg, decimal Price)> AtTheTouch(IReadOnlyList<LegQuote> quotes, decimal improvement) =>
        [.. quotes.Select(q => (q.Leg, q.Leg.Buys ? Math.Max(q.Bid, q.Ask - improvement) : Math.Min(q.Ask, q.Bid + improvement)))];

    /// <summary>
    /// A limit order fills at its limit when the combination's mid is at or better than it (legs at their
    /// mids, the first leg carrying the difference); otherwise it rests.
    /// </summary>
    private static List<(OrderLeg Leg, decimal Price)>? AtLimit(IReadOnlyList<LegQuote> quotes, decimal limit)
    {
        var mids = quotes.Select(q => (q.Leg, Price: q.Mid)).ToList();
        var netMid = Net(mids);
        if (netMid > limit)
        {
            return null;
        }

        var first = mids[0];
        var adjustment = (limit - netMid) / first.Leg.Ratio;
        mids[0] = (first.Leg, first.Price + (first.Leg.Buys ? adjustment : -adjustment));
        return mids;
    }
}
