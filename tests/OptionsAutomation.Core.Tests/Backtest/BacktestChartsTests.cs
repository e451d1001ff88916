using OptionsAutomation.Core.Backtest;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Trading;

namespace OptionsAutomation.Core.Tests.Backtest;

public sealed class BacktestChartsTests
{
    private static readonly DateOnly Jan30 = new(2024, 1, 30);
    private static readonly DateOnly Jan31 = new(2024, 1, 31);
    private static readonly DateOnly Feb1 = new(2024, 2, 1);
    private static readonly DateOnly Feb2 = new(2024, 2, 2);

    [Fact]
    public void BuyAndHold_StartsFromTheCloseBeforeTheFirstSession_OnRawCloses_WithItsOwnDrawdown()
    {
        // Bought at 400 (the close of Jan 30, the day the strategy's curve starts from): 100,000 / 400 = 250 shares.
        // The adjusted closes would say otherwise: they are not used (see BacktestCharts).
        DailyBar[] bars = [Bar(Jan30, 400m, 300m), Bar(Jan31, 410m, 410m), Bar(Feb1, 369m, 369m), Bar(Feb2, 405.9m, 405.9m)];
        var result = Result(100_000m, (Jan31, 101_000m), (Feb1, 99_990m), (Feb2, 102_000m));

        var charts = BacktestCharts.Of(result, bars);

        Assert.Equal([102_500m, 92_250m, 101_475m], charts.Points.Select(p => p.BuyHold));
        Assert.Equal([101_000m, 99_990m, 102_000m], charts.Points.Select(p => p.Equity));
        // 92,250 is 10% under the 102,500 peak; 101,475 is 1% under it. The strategy: 99,990 is 1% under 101,000.
        Assert.Equal([0d, -0.10, -0.01], charts.Points.Select(p => Math.Round(p.BuyHoldDrawdown, 10)));
        Assert.Equal([0d, -0.01, 0d], charts.Points.Select(p => Math.Round(p.Drawdown, 10)));
    }

    [Fact]
    public void MonthlyAndYearlyReturns_ChainEachPeriodsLastEquity_FromTheStartingEquity()
    {
        var result = Result(100_000m, (Jan30, 100_500m), (Jan31, 101_000m), (Feb1, 99_990m), (Feb2, 103_020m));

        var charts = BacktestCharts.Of(result, [Bar(Jan30, 1m), Bar(Jan31, 1m), Bar(Feb1, 1m), Bar(Feb2, 1m)]);

        // January: 101,000 / 100,000 − 1 = 1%; February: 103,020 / 101,000 − 1 = 2%; the year 3.02%.
        Assert.Equal([(2024, 1, 0.01), (2024, 2, 0.02)], charts.Months.Select(m => (m.Year, m.Month, Math.Round(m.Return, 10))));
        Assert.Equal([(2024, 0.0302)], charts.Years.Select(y => (y.Year, Math.Round(y.Return, 10))));
    }

    [Fact]
    public void PnlHistogram_HasRoundBinsWithAnEdgeAtZero_CountingEveryTrade()
    {
        // Range 330 over 20 bins: 16.5 a bin, rounded up to 20; from −40 (the multiple of 20 at or below −35).
        decimal[] pnl = [-35m, -0.01m, 0m, 12.5m, 19.99m, 20m, 295m];

        var bins = PnlBin.Histogram(pnl);

        Assert.Equal(new PnlBin(-40m, -20m, 1), bins[0]);
        Assert.Equal(new PnlBin(-20m, 0m, 1), bins[1]);
        Assert.Equal(new PnlBin(0m, 20m, 3), bins[2]);
        Assert.Equal(new PnlBin(20m, 40m, 1), bins[3]);
        Assert.Equal(new PnlBin(280m, 300m, 1), bins[^1]);
        Assert.Equal(pnl.Length, bins.Sum(b => b.Trades));
        Assert.Empty(PnlBin.Histogram([]));
        Assert.Equal([new PnlBin(5m, 6m, 2)], PnlBin.Histogram([5m, 5m]));
    }

    private static DailyBar Bar(DateOnly date, decimal close, decimal? adjusted = null) =>
        new(date, close, close, close, close, adjusted ?? close, 1_000);

    private static BacktestResult Result(decimal starting, params (DateOnly Date, decimal Equity)[] closes)
    {
        var equity = closes.Select(c => new SessionEquity(c.Date, c.Equity, 0m, 0m, 0m, RealChain: false)).ToList();
        var run = new BacktestRun(closes[0].Date, closes[^1].Date, "SPY", starting, new BacktestSettings());
        var trade = new BacktestTrade(1, "prop-1", "SPY", StrategyType.CashSecuredPut, closes[0].Date, closes[^1].Date, closes[^1].Date, 400m, null, 1, 1m,
            0.5m, ExitReason.ProfitTarget, 1.3m, 48.7m, 3);
        return new BacktestResult(run, new TradingSettings(), equity, [trade], BacktestStats.Of(starting, closes[0].Date.AddDays(-1), equity, []),
            new BacktestActivity(0, 0, 0, 0, new Dictionary<ScreenDenialCode, int>(), 0, 0, new TradingControls(TradingState.Active, null, null, null, CircuitBreaker.Closed)));
    }
}
