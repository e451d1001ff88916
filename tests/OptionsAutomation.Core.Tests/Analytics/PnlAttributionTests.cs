using OptionsAutomation.Core.Analytics;

namespace OptionsAutomation.Core.Tests.Analytics;

public sealed class PnlAttributionTests
{
    /// <summary>
    /// <see cref="ClosedTrades.FiveTrades"/> split four ways; each split adds up to the total −55. Exit reasons and
    /// strategies appear as their codes, months as New York close months.
    /// </summary>
    [Fact]
    public void Of_FiveTrades_SplitsByTickerStrategyReasonAndMonth()
    {
        var attribution = PnlAttribution.Of(ClosedTrades.FiveTrades);

        Assert.Equal(
            [new AttributionRow("IWM", 1, 0, 1, 0.00m), new AttributionRow("QQQ", 1, 1, 0, 50.00m), new AttributionRow("SPY", 3, 2, 1, -105.00m)],
            attribution.ByTicker);
        Assert.Equal([new AttributionRow("CSP", 3, 1, 2, -225.00m), new AttributionRow("VPC", 2, 2, 0, 170.00m)], attribution.ByStrategy);
        Assert.Equal(
            [
                new AttributionRow("21dte", 1, 1, 0, 120.00m), new AttributionRow("manual", 1, 0, 1, 0.00m),
                new AttributionRow("profit_target", 2, 2, 0, 125.00m), new AttributionRow("stop_loss", 1, 0, 1, -300.00m),
            ],
            attribution.ByExitReason);
        Assert.Equal([new AttributionRow("2026-02", 3, 2, 1, -175.00m), new AttributionRow("2026-03", 2, 1, 1, 120.00m)], attribution.ByMonth);
    }

    [Fact]
    public void Of_NoTrades_EmptySplits()
    {
        var attribution = PnlAttribution.Of([]);

        Assert.Empty(attribution.ByTicker);
        Assert.Empty(attribution.ByMonth);
    }
}
