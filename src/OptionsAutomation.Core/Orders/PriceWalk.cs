namespace OptionsAutomation.Core.Orders;

/// <summary>
/// The prices a limit order walks through, from the legs' net mid toward the natural price (buying at asks, selling at
/// bids), one step every interval. Prices are net per share with debits positive, as on <see cref="OrderTicket"/>, so
/// "more aggressive" is always "higher": a close pays more, an open (a negative price) collects less credit. Each price is
/// rounded to the nearest tick (a half tick goes the less aggressive way) and never goes above <see cref="Cap"/> (an
/// open's minimum credit as −credit, a close's maximum debit), itself rounded down to its tick. Consecutive steps that
/// round to the same price are one step: there is nothing to replace.
/// </summary>
public sealed record PriceWalk(decimal Mid, decimal Natural, decimal Cap, ValueList<PriceStep> Steps)
{
    /// <summary>The price the order is placed at.</summary>
    public decimal Start => Steps[0].Limit;

    /// <param name="mid">The legs' net mid per share (debit positive).</param>
    /// <param name="natural">The legs' net natural price per share: asks paid, bids received (debit positive).</param>
    /// <param name="cap">The most aggressive price allowed (debit positive).</param>
    /// <param name="steps">How many replaces it takes to go from the mid to the natural price (0: the mid only).</param>
    /// <param name="interval">Time between two steps.</param>
    /// <param name="tick">The tick at a price (pennies, or nickels for some products at some prices).</param>
    public static PriceWalk Plan(decimal mid, decimal natural, decimal cap, int steps, TimeSpan interval, Func<decimal, decimal> tick)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        ArgumentNullException.ThrowIfNull(tick);
        // Crossed quotes put the natural price below the mid: then there is nowhere to walk to.
        var end = Math.Max(mid, natural);
        var roundedCap = Floor(cap, tick(cap));
        var prices = new List<PriceStep>(steps + 1);
        for (var i = 0; i <= steps; i++)
        {
            var raw = steps == 0 ? mid : mid + (end - mid) * i / steps;
            var limit = Math.Min(Nearest(raw, tick(raw)), roundedCap);
            if (prices.Count == 0 || prices[^1].Limit != limit)
            {
                prices.Add(new PriceStep(prices.Count, interval * i, limit));
            }
        }

        return new PriceWalk(mid, natural, roundedCap, new(prices));
    }

    /// <summary>The nearest multiple of the tick; exactly half way, the lower (less aggressive) one.</summary>
    private static decimal Nearest(decimal price, decimal tick) => decimal.Ceiling(price / tick - 0.5m) * tick;

    private static decimal Floor(decimal price, decimal tick) => decimal.Floor(price / tick) * tick;
}
