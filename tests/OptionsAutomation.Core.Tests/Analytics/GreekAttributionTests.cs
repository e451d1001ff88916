using OptionsAutomation.Core.Analytics;
using OptionsAutomation.Core.Risk.Portfolio;
using static OptionsAutomation.Core.Tests.Risk.Portfolio.PortfolioFixtures;

namespace OptionsAutomation.Core.Tests.Analytics;

public sealed class GreekAttributionTests
{
    private static readonly DateTimeOffset Start = AsOf;

    /// <summary>
    /// One SPY 560 put sold (1 contract, r 4%, q 0), valued by the risk report at two snapshots a day apart:
    /// S 580 → 574.20, σ 20% → 21.5%, T 37 → 36 days. By hand (Black-Scholes at the start, per share):
    /// d1 = 0.64816, Δ = −0.2589465, Γ = 0.0087642, Θ = −0.1444366 a day, vega = 0.5977313 a point; price 5.961897 →
    /// 8.423811 (marks 5.9619 → 8.4238). Held short ×100: delta = −100·Δ·(−5.80) = −150.19, gamma = ½·(−100)·Γ·5.80² =
    /// −14.74, theta = −100·Θ·1 = +14.44, vega = −100·0.5977313·1.5 = −89.66; actual = −(8.4238 − 5.9619)·100 = −246.19,
    /// so the residual is −246.19 − (−239.15) = −6.04.
    /// </summary>
    [Fact]
    public void Between_OneShortPut_MatchesBlackScholesByHand()
    {
        var before = Snapshot(580, 37, 0.20);
        var after = Snapshot(574.20, 36, 0.215);

        var pnl = GreekAttribution.Between(before, after, 1.0);

        Assert.Equal(new GreekPnl(-150.19m, -14.74m, 14.44m, -89.66m, -6.04m), pnl);
        Assert.Equal(-246.19m, pnl!.Actual);
        Assert.Equal(after.MarketValue - before.MarketValue, pnl.Explained + pnl.Residual);
    }

    [Fact]
    public void Of_ConsecutiveSnapshots_AddsIntervalsPerTicker_AndEveryTotalClosesExactly()
    {
        var spy = new[] { Snapshot(580, 37, 0.20), Snapshot(583.10, 37 - (1 / 24.0), 0.195), Snapshot(578.45, 36, 0.205) };
        var qqq = Snapshot(500, 30, 0.24, "QQQ", 480m, id: 2);
        var snapshots = new[]
        {
            new RiskSnapshotPositions(Start, [spy[0]]),
            // QQQ opens between the first two snapshots: it has an interval only from the second on.
            new RiskSnapshotPositions(Start.AddHours(1), [spy[1], qqq]),
            new RiskSnapshotPositions(Start.AddDays(1), [spy[2], Snapshot(496, 29, 0.25, "QQQ", 480m, id: 2)]),
        };

        var attribution = GreekAttribution.Of(snapshots.Reverse());

        Assert.Equal((3, 3, 0, Start, Start.AddDays(1)), (attribution.Snapshots, attribution.Intervals, attribution.Skipped, attribution.FirstSnapshot, attribution.LastSnapshot));
        Assert.Equal(["QQQ", "SPY"], attribution.ByTicker.Select(r => r.Ticker));
        Assert.Equal([1, 2], attribution.ByTicker.Select(r => r.Intervals));
        var spyRow = attribution.ByTicker[1].Pnl;
        Assert.Equal(GreekAttribution.Between(spy[0], spy[1], 1 / 24.0)!.Plus(GreekAttribution.Between(spy[1], spy[2], 23 / 24.0)!), spyRow);
        Assert.Equal(spy[2].MarketValue - spy[0].MarketValue, spyRow.Actual);
        Assert.Equal(attribution.ByTicker.Sum(r => r.Pnl.Actual), attribution.Total.Actual);
        Assert.Equal(attribution.Total.Explained + attribution.Total.Residual, attribution.Total.Actual);
    }

    [Fact]
    public void Of_SnapshotsStoredWithoutSpotOrLegs_AreSkippedAndCounted()
    {
        var old = Snapshot(580, 37, 0.20) with { Spot = null, Greeks = null, Legs = null };

        var attribution = GreekAttribution.Of([new(Start, [old]), new(Start.AddMinutes(1), [Snapshot(581, 37, 0.20)])]);

        Assert.Equal((0, 1, GreekPnl.Zero), (attribution.Intervals, attribution.Skipped, attribution.Total));
        Assert.Empty(attribution.ByTicker);
    }

    [Fact]
    public void Of_NoSnapshots_IsEmpty()
    {
        var attribution = GreekAttribution.Of([]);

        Assert.Equal((0, 0, 0, GreekPnl.Zero, (DateTimeOffset?)null), (attribution.Snapshots, attribution.Intervals, attribution.Skipped, attribution.Total, attribution.FirstSnapshot));
        Assert.Empty(attribution.ByTicker);
    }

    private static PositionRisk Snapshot(double spot, double days, double volatility, string ticker = "SPY", decimal strike = 560m, long id = 1) =>
        Analyzer().Report(Inputs([ShortPut(ticker, spot, strike, days / 365, volatility, id: id)], null)).Positions[0];
}
