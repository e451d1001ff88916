using OptionsAutomation.Core.Risk.Portfolio;

namespace OptionsAutomation.Core.Analytics;

/// <summary>Greek attribution of one underlying's positions.</summary>
public sealed record GreekAttributionRow(string Ticker, int Intervals, GreekPnl Pnl);

/// <summary>
/// P&amp;L of the open positions between consecutive risk snapshots, attributed to the Greeks taken at the start of
/// each interval (second order in the underlying, first order in time and volatility). For a position held at both
/// ends, with its model Greeks (<see cref="PositionRisk.Greeks"/>: Δ per 1 of the underlying times shares, Γ the
/// change of Δ per 1, Θ in dollars per calendar day), dS the change of the underlying's spot, dt the calendar days
/// elapsed and, per option leg, V its vega in dollars per volatility point and dσ its implied volatility's change in
/// points (0.01 = 1 point):
/// <list type="bullet">
/// <item>delta = Δ·dS (= delta dollars × dS/S);</item>
/// <item>gamma = ½·Γ·dS²;</item>
/// <item>theta = Θ·dt;</item>
/// <item>vega = Σ legs V·dσ;</item>
/// <item>residual = actual − (delta + gamma + theta + vega), the actual being the change of the position's market value
/// at its marks: higher-order and cross terms, rate and dividend carry, and mark-versus-model differences.</item>
/// </list>
/// The terms are computed in doubles and each rounded to the cent before the residual is taken in decimal, so every
/// interval, every row and the total add up exactly. Positions opened or closed between two snapshots have no
/// interval (their P&amp;L is in the trade attribution); intervals whose snapshots lack the spot, Greeks or legs
/// (stored before those were) are counted in <see cref="Skipped"/>, not guessed.
/// </summary>
public sealed record GreekAttribution(
    DateTimeOffset? FirstSnapshot,
    DateTimeOffset? LastSnapshot,
    int Snapshots,
    int Intervals,
    int Skipped,
    GreekPnl Total,
    IReadOnlyList<GreekAttributionRow> ByTicker)
{
    public static GreekAttribution Empty { get; } = new(null, null, 0, 0, 0, GreekPnl.Zero, []);

    public static GreekAttribution Of(IEnumerable<RiskSnapshotPositions> snapshots)
    {
        var ordered = snapshots.OrderBy(s => s.TakenAt).ToList();
        var skipped = 0;
        var rows = new SortedDictionary<string, (int Intervals, GreekPnl Pnl)>(StringComparer.Ordinal);
        foreach (var (before, after) in ordered.Zip(ordered.Skip(1)))
        {
            var days = (after.TakenAt - before.TakenAt).TotalDays;
            var later = after.Positions.ToDictionary(p => p.PositionId);
            foreach (var start in before.Positions)
            {
                if (!later.TryGetValue(start.PositionId, out var end))
                {
                    continue;
                }

                if (Between(start, end, days) is not { } pnl)
                {
                    skipped++;
                    continue;
                }

                var row = rows.GetValueOrDefault(start.Ticker, (Intervals: 0, Pnl: GreekPnl.Zero));
                rows[start.Ticker] = (row.Intervals + 1, row.Pnl.Plus(pnl));
            }
        }

        return new GreekAttribution(
            ordered.FirstOrDefault()?.TakenAt,
            ordered.LastOrDefault()?.TakenAt,
            ordered.Count,
            rows.Values.Sum(r => r.Intervals),
            skipped,
            rows.Values.Aggregate(GreekPnl.Zero, (sum, r) => sum.Plus(r.Pnl)),
            [.. rows.Select(r => new GreekAttributionRow(r.Key, r.Value.Intervals, r.Value.Pnl))]);
    }

    /// <summary>
    /// One position's P&amp;L from <paramref name="before"/> to <paramref name="after"/>, <paramref name="days"/> calendar
    /// days later; null when either lacks its spot, Greeks or legs, or their legs differ.
    /// </summary>
    public static GreekPnl? Between(PositionRisk before, PositionRisk after, double days)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (before is not { Spot: { } startSpot, Greeks: { } g, Legs: { } legs } || after is not { Spot: { } endSpot, Legs: { } endLegs }
            || legs.Count != endLegs.Count || legs.Where((l, i) => l.Right != endLegs[i].Right || l.Strike != endLegs[i].Strike).Any())
        {
            return null;
        }

        var move = (double)(endSpot - startSpot);
        var delta = RiskRounding.Cents((double)g.Delta * move);
        var gamma = RiskRounding.Cents(0.5 * (double)g.Gamma * move * move);
        var theta = RiskRounding.Cents((double)g.Theta * days);
        var vega = RiskRounding.Cents(legs.Select((l, i) => l.Vega * (endLegs[i].ImpliedVolatility - l.ImpliedVolatility) * 100).Sum());
        var actual = after.MarketValue - before.MarketValue;
        return new GreekPnl(delta, gamma, theta, vega, actual - (delta + gamma + theta + vega));
    }
}
