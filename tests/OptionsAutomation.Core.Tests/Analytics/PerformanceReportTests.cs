using OptionsAutomation.Core.Analytics;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Tests.Analytics;

/// <summary>The daily equity curve and the report built on it, by hand.</summary>
public sealed class PerformanceReportTests
{
    private static readonly NyseCalendar Calendar = new();

    /// <summary>
    /// Starting equity 100,000; +1,000 closed Fri Feb 6 (before the range); in the range Mon Feb 9 – Sat Feb 14, 2026:
    /// +75 Mon, +50 Tue, −300 Thu and +20 on Saturday (a manual close off-session).
    /// </summary>
    internal static readonly IReadOnlyList<TradeRecord> Trades =
    [
        ClosedTrades.Trade(1, "SPY", StrategyType.CashSecuredPut, "2026-01-20", "2026-02-06", 1_000.00m, 58_000m, ExitReason.ProfitTarget),
        ClosedTrades.Trade(2, "SPY", StrategyType.CashSecuredPut, "2026-02-02", "2026-02-09", 75.00m, 58_000m, ExitReason.ProfitTarget),
        ClosedTrades.Trade(3, "QQQ", StrategyType.VerticalPutCredit, "2026-02-03", "2026-02-10", 50.00m, 500m, ExitReason.ProfitTarget),
        ClosedTrades.Trade(4, "SPY", StrategyType.CashSecuredPut, "2026-02-04", "2026-02-12", -300.00m, 57_000m, ExitReason.StopLoss),
        ClosedTrades.Trade(5, "IWM", StrategyType.VerticalPutCredit, "2026-02-05", "2026-02-14", 20.00m, 500m, ExitReason.Manual),
    ];

    private static readonly DateOnly Feb9 = new(2026, 2, 9);
    private static readonly DateOnly Feb14 = new(2026, 2, 14);

    /// <summary>
    /// Opening equity 101,000 at the close of Fri Feb 6 (the session before Feb 9); every session Feb 9–13 is a day
    /// (Wed 11 and Fri 13 flat), and so is Saturday Feb 14, which had a close.
    /// </summary>
    [Fact]
    public void Curve_RangeWithEarlierTrade_OpensAtPriorEquityAndHasEverySessionAndCloseDay()
    {
        var curve = DailyEquityCurve.Of(100_000m, Trades, Feb9, Feb14, Calendar);

        Assert.Equal((new DateOnly(2026, 2, 6), 101_000.00m), (curve.OpeningDate!.Value, curve.OpeningEquity));
        Assert.Equal(
            [
                new EquityPoint(Feb9, 75.00m, 101_075.00m), new EquityPoint(Feb9.AddDays(1), 50.00m, 101_125.00m),
                new EquityPoint(Feb9.AddDays(2), 0m, 101_125.00m), new EquityPoint(Feb9.AddDays(3), -300.00m, 100_825.00m),
                new EquityPoint(Feb9.AddDays(4), 0m, 100_825.00m), new EquityPoint(Feb14, 20.00m, 100_845.00m),
            ],
            curve.Days);
        Assert.Equal(100_845.00m, curve.Closing);
    }

    /// <summary>
    /// Returns are day-over-day equity changes: 75 ÷ 101,000 first. Total 100,845 ÷ 101,000 − 1; the deepest fall is
    /// Thursday's, from the 101,125 last reached on Wednesday (the peak is the last day at the high) and not yet
    /// recovered: 3 days from peak to the end. Trade statistics cover the range only (4 trades, −155) and turnover
    /// divides their collateral, 116,000, by the mean daily equity, 605,820 ÷ 6 = 100,970.
    /// </summary>
    [Fact]
    public void Report_Range_ReturnAndTradeStatisticsByHand()
    {
        var report = PerformanceReport.Of(Trades, 100_000m, Feb9, Feb14, Calendar);

        Assert.Equal(6, report.Returns.Periods);
        Assert.Equal((double)(101_075m / 101_000m) - 1, report.EquityCurve.Returns().Returns[0], 1e-15);
        Assert.Equal((100_845.0 / 101_000) - 1, report.Returns.TotalReturn, 1e-12);
        var drawdown = report.Returns.MaxDrawdown;
        Assert.Equal((100_825.0 - 101_125) / 101_125, drawdown.Depth, 1e-12);
        Assert.Equal((Feb9.AddDays(2), Feb9.AddDays(3), (DateOnly?)null, 3), (drawdown.Peak, drawdown.Trough, drawdown.Recovery, drawdown.DurationPeriods));
        Assert.Equal((4, -155.00m), (report.Trades.Trades, report.Trades.TotalPnl));
        Assert.Equal(116_000.0 / 100_970, report.Trades.Turnover!.Value, 1e-12);
        Assert.Equal(["IWM", "QQQ", "SPY"], report.Attribution.ByTicker.Select(r => r.Key));
    }

    /// <summary>Without dates the range runs from the first to the last close: Feb 6 to Feb 14, opening at 100,000.</summary>
    [Fact]
    public void Curve_NoRange_FirstToLastClose()
    {
        var curve = DailyEquityCurve.Of(100_000m, Trades, null, null, Calendar);

        Assert.Equal((new DateOnly(2026, 2, 5), 100_000m), (curve.OpeningDate!.Value, curve.OpeningEquity));
        Assert.Equal((new DateOnly(2026, 2, 6), Feb14), (curve.Days[0].Date, curve.Days[^1].Date));
        Assert.Equal(101_000.00m + 75 + 50 - 300 + 20, curve.Closing);
    }

    /// <summary>No trades at all: an empty curve at the starting equity, NaN return statistics, zero trades.</summary>
    [Fact]
    public void Report_NoTrades_EmptyCurveNaNStatistics()
    {
        var report = PerformanceReport.Of([], 100_000m, null, null, Calendar);

        Assert.Null(report.EquityCurve.OpeningDate);
        Assert.Empty(report.EquityCurve.Days);
        Assert.Equal(0, report.Trades.Trades);
        Assert.True(double.IsNaN(report.Returns.SharpeRatio));
        Assert.True(double.IsNaN(report.Returns.TotalReturn));
    }
}
