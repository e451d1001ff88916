using OptionsAutomation.Core.Analytics;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Tests.Analytics;

/// <summary>The comparison's groups and figures on four trades, each number by hand.</summary>
public sealed class StrategyComparisonTests
{
    /// <summary>
    /// In close order: #1 SPY CSP +100 (Feb 2 → Feb 12, 10 days, risk 50,000, expiring Mar 20: 46 DTE, fixed);
    /// #2 QQQ VPC −300 (Feb 3 → Feb 13, 10 days, risk 450, Feb 27: 24 DTE, kelly); #3 SPY VPC +80 (Feb 16 → Feb 16, counted
    /// as 1 day, risk 420, Mar 6: 18 DTE, no sizing recorded); #4 SPY CSP +50 (Feb 17 → Feb 20, 3 days, risk 49,000, Mar 20:
    /// 31 DTE, fixed).
    /// </summary>
    private static readonly ComparedTrade[] Trades =
    [
        Compared(ClosedTrades.Trade(1, "SPY", StrategyType.CashSecuredPut, "2026-02-02", "2026-02-12", 100m, 50_000m, ExitReason.ProfitTarget), "2026-03-20", "fixed"),
        Compared(ClosedTrades.Trade(2, "QQQ", StrategyType.VerticalPutCredit, "2026-02-03", "2026-02-13", -300m, 450m, ExitReason.StopLoss), "2026-02-27", "kelly"),
        Compared(ClosedTrades.Trade(3, "SPY", StrategyType.VerticalPutCredit, "2026-02-16", "2026-02-16", 80m, 420m, ExitReason.ProfitTarget), "2026-03-06", null),
        Compared(ClosedTrades.Trade(4, "SPY", StrategyType.CashSecuredPut, "2026-02-17", "2026-02-20", 50m, 49_000m, ExitReason.DaysToExpiry), "2026-03-20", "fixed"),
    ];

    /// <summary>
    /// All four: 3 wins of 4 = 75%; P&amp;L −70, average −17.50; held 10 + 10 + 1 + 3 = 24 days, −70 ÷ 24 per day;
    /// risk 99,870, return −70 ÷ 99,870; cumulative +100, −200, −120, −70 from a peak of 100: drawdown −300.
    /// </summary>
    [Fact]
    public void Total_AllTradesByHand()
    {
        var total = StrategyComparison.Of(Trades).Total;

        Assert.Equal(new ComparisonRow("total", 4, 75m, -70m, -17.5m, -70m / 24, -70m / 99_870m, -300m), total);
    }

    /// <summary>
    /// CSP: #1 and #4, both won: +150 over 13 days, risk 99,000, no drawdown. VPC: #2 −300 then #3 +80: −220 over 11
    /// days, risk 870; cumulative −300, −220 from a peak of 0: −300.
    /// </summary>
    [Fact]
    public void ByStrategy_CspAgainstVpc()
    {
        var rows = StrategyComparison.Of(Trades).ByStrategy;

        Assert.Equal(
            [
                new ComparisonRow("CSP", 2, 100m, 150m, 75m, 150m / 13, 150m / 99_000m, 0m),
                new ComparisonRow("VPC", 2, 50m, -220m, -110m, -220m / 11, -220m / 870m, -300m),
            ],
            rows);
    }

    [Fact]
    public void ByDteAtEntry_BucketsInDteOrder()
    {
        var rows = StrategyComparison.Of(Trades).ByDteAtEntry;

        Assert.Equal(["0-21", "22-30", "31-45", "46-60"], rows.Select(r => r.Key));
        Assert.Equal([1, 1, 1, 1], rows.Select(r => r.Trades));
        Assert.Equal([80m, -300m, 50m, 100m], rows.Select(r => r.TotalPnl));
    }

    [Fact]
    public void BySizingTickerAndExitReason_EachSplitAddsUpToTheTotal()
    {
        var comparison = StrategyComparison.Of(Trades);

        Assert.Equal(["fixed", "kelly", "unknown"], comparison.BySizing.Select(r => r.Key));
        Assert.Equal([150m, -300m, 80m], comparison.BySizing.Select(r => r.TotalPnl));
        Assert.Equal(["QQQ", "SPY"], comparison.ByTicker.Select(r => r.Key));
        Assert.Equal(["21dte", "profit_target", "stop_loss"], comparison.ByExitReason.Select(r => r.Key));
        foreach (var split in new[] { comparison.ByStrategy, comparison.ByTicker, comparison.ByExitReason, comparison.ByDteAtEntry, comparison.BySizing })
        {
            Assert.Equal(comparison.Total.TotalPnl, split.Sum(r => r.TotalPnl));
            Assert.Equal(comparison.Total.Trades, split.Sum(r => r.Trades));
        }
    }

    [Fact]
    public void NoTrades_ZeroTotalAndNoRows()
    {
        var comparison = StrategyComparison.Of([]);

        Assert.Equal(new ComparisonRow("total", 0, 0m, 0m, 0m, 0m, null, 0m), comparison.Total);
        Assert.Empty(comparison.ByStrategy);
    }

    [Fact]
    public void DteBucket_SharesWithoutExpiration_Unknown() =>
        Assert.Equal(StrategyComparison.Unknown, StrategyComparison.DteBucket(Trades[0] with { Expiration = null }));

    private static ComparedTrade Compared(TradeRecord trade, string expiration, string? sizing) =>
        new(trade, DateOnly.Parse(expiration, System.Globalization.CultureInfo.InvariantCulture), sizing);
}
