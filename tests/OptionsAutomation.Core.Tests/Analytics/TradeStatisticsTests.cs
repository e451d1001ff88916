using OptionsAutomation.Core.Analytics;

namespace OptionsAutomation.Core.Tests.Analytics;

/// <summary><see cref="TradeStatistics"/> of <see cref="ClosedTrades.FiveTrades"/>, every figure by hand.</summary>
public sealed class TradeStatisticsTests
{
    /// <summary>
    /// P&amp;L +75, +50, −300, 0 (break-even: a loss), +120. Wins 3 of 5 = 60%; gross profit 245, gross loss −300, total
    /// −55. Average win 245 ÷ 3 = 81.67, average loss −150.00, payoff 81.666… ÷ 150 = 0.5444…, profit factor 245 ÷ 300,
    /// expectancy −55 ÷ 5 = −11.00. Held 7, 7, 13, 10 (Feb 20 → Mar 2) and 1 New York days: mean 7.6, median 7.
    /// Collateral 58,000 + 500 + 57,000 + 22,000 + 500 = 138,000 over average equity 100,000: turnover 1.38.
    /// Outcomes in close order W W L L W: two wins and two losses in a row at most.
    /// </summary>
    [Fact]
    public void Of_FiveTrades_EveryFigureByHand()
    {
        var stats = TradeStatistics.Of(ClosedTrades.FiveTrades, averageEquity: 100_000m);

        Assert.Equal((5, 3, 2, 60.00m), (stats.Trades, stats.Wins, stats.Losses, stats.WinRate));
        Assert.Equal((-55.00m, 245.00m, -300.00m), (stats.TotalPnl, stats.GrossProfit, stats.GrossLoss));
        Assert.Equal((81.67m, -150.00m, -11.00m), (stats.AverageWin, stats.AverageLoss, stats.Expectancy));
        Assert.Equal(245.0 / 3 / 150, stats.PayoffRatio, 1e-12);
        Assert.Equal(245.0 / 300, stats.ProfitFactor, 1e-12);
        Assert.Equal((120.00m, -300.00m), (stats.LargestWin, stats.LargestLoss));
        Assert.Equal((7.6, 7.0), (stats.MeanHoldingDays!.Value, stats.MedianHoldingDays!.Value));
        Assert.Equal(138_000m, stats.CollateralTraded);
        Assert.Equal(1.38, stats.Turnover!.Value, 1e-12);
        Assert.Equal((2, 2), (stats.MaxConsecutiveWins, stats.MaxConsecutiveLosses));
    }

    /// <summary>Streaks follow close time, not the order the rows arrive in.</summary>
    [Fact]
    public void Of_TradesOutOfOrder_StreaksByCloseTime()
    {
        var shuffled = ClosedTrades.FiveTrades.Reverse().ToArray();

        Assert.Equal(TradeStatistics.Of(ClosedTrades.FiveTrades), TradeStatistics.Of(shuffled));
    }

    [Fact]
    public void Of_NoTrades_CountsZeroAveragesNullRatiosNaN()
    {
        var stats = TradeStatistics.Of([]);

        Assert.Equal((0, 0, 0, 0m), (stats.Trades, stats.Wins, stats.Losses, stats.TotalPnl));
        Assert.Null(stats.WinRate);
        Assert.Null(stats.AverageWin);
        Assert.Null(stats.Expectancy);
        Assert.Null(stats.LargestLoss);
        Assert.Null(stats.MedianHoldingDays);
        Assert.Null(stats.Turnover);
        Assert.True(double.IsNaN(stats.PayoffRatio));
        Assert.True(double.IsNaN(stats.ProfitFactor));
        Assert.Equal((0, 0), (stats.MaxConsecutiveWins, stats.MaxConsecutiveLosses));
    }

    /// <summary>Only winners: profit factor +∞ (nothing lost), payoff NaN (no average loss), no largest loss.</summary>
    [Fact]
    public void Of_OnlyWinners_ProfitFactorInfinite()
    {
        var stats = TradeStatistics.Of([ClosedTrades.FiveTrades[0], ClosedTrades.FiveTrades[1]]);

        Assert.Equal(double.PositiveInfinity, stats.ProfitFactor);
        Assert.True(double.IsNaN(stats.PayoffRatio));
        Assert.Null(stats.LargestLoss);
        Assert.Equal((100.00m, 62.50m), (stats.WinRate, stats.Expectancy));
    }
}
