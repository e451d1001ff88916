using OptionsAutomation.Core.Analytics.Periods;
using OptionsAutomation.Core.Backtest;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Tests.Analytics.Periods;

/// <summary>
/// The week of Monday Feb 9, 2026 by hand. Starting equity 100,000; +1,000 closed Fri Feb 6 (before the week), then
/// +75 Mon, +50 Tue, −300 Thu and +20 Saturday; the week opens at 101,000 and ends at 100,845.
/// </summary>
public sealed class PeriodReportTests
{
    private static readonly NyseCalendar Calendar = new();
    private static readonly DateOnly Monday = new(2026, 2, 9);
    private static readonly DateOnly Sunday = new(2026, 2, 15);

    /// <summary>The performance report's week (<see cref="PerformanceReportTests.Trades"/>) and a trade closed after it.</summary>
    private static readonly IReadOnlyList<TradeRecord> Trades =
    [
        .. PerformanceReportTests.Trades,
        ClosedTrades.Trade(6, "SPY", StrategyType.CashSecuredPut, "2026-02-05", "2026-02-17", 999.00m, 500m, ExitReason.Manual),
    ];

    /// <summary>SPY closes 500 on Feb 6, then 505, 510, 495, 500 and 520: buy-and-hold of 101,000 gains 4%.</summary>
    private static readonly IReadOnlyList<IndexClose> Spy =
    [
        new(new DateOnly(2026, 2, 5), 498m), new(new DateOnly(2026, 2, 6), 500m), new(Monday, 505m), new(Monday.AddDays(1), 510m),
        new(Monday.AddDays(2), 495m), new(Monday.AddDays(3), 500m), new(Monday.AddDays(4), 520m),
    ];

    /// <summary>
    /// A held Feb 2 → Tue Feb 10 14:00 (not open at Tuesday's close); B entered Wed Feb 11 and still open; C entered
    /// Thu Feb 12 at 16:30, after the close, so first counted on Friday.
    /// </summary>
    private static readonly IReadOnlyList<Position> Positions =
    [
        Held(1, At("2026-02-02", 10, 0), At("2026-02-10", 14, 0), 58_000m, 57_850m),
        Held(2, At("2026-02-11", 10, 0), null, 500m, 400m),
        Held(3, At("2026-02-12", 16, 30), null, 22_000m, 21_900m),
    ];

    private static PeriodReport Week() =>
        PeriodReport.Of(ReportPeriod.Of(ReportPeriodKind.Week, Monday, Calendar), Sunday, Trades, 100_000m, Positions, Spy, Calendar);

    /// <summary>Return 100,845 ÷ 101,000 − 1; the deepest fall is Thursday's from Wednesday's 101,125; the trade after the week is left out.</summary>
    [Fact]
    public void Week_ReturnDrawdownAndTradesByHand()
    {
        var report = Week();

        Assert.Equal(-0.001534653465346536, report.Return, 1e-15);
        Assert.Equal(-155.00m, report.Pnl);
        Assert.Equal(-0.0029666254635352285, report.MaxDrawdown, 1e-15);
        Assert.Equal((101_000m, 100_845m), (report.Performance.EquityCurve.OpeningEquity, report.Performance.EquityCurve.Closing));
        Assert.Equal(
            [("manual", 1, 20.00m), ("profit_target", 2, 125.00m), ("stop_loss", 1, -300.00m)],
            report.Performance.Attribution.ByExitReason.Select(r => (r.Key, r.Trades, r.Pnl)));
        Assert.Equal((2L, 4L), (report.Best!.TradeId, report.Worst!.TradeId));
    }

    /// <summary>
    /// To date runs from the first trade: 100,000 at Feb 5's close, then 101,000, 101,075, 101,125, 101,125, 100,825,
    /// 100,825, 100,845. Reference values computed by hand (Python, empyrical's formulas): Sharpe mean ÷ sample std × √252,
    /// Sortino mean × 252 ÷ (RMS of the shortfalls × √252), ulcer RMS of the falls below the running peak, omega gains ÷ losses.
    /// </summary>
    [Fact]
    public void ToDate_RatiosAgainstHandComputedValues()
    {
        var s = Week().ToDate;

        Assert.Equal(7, s.Periods);
        Assert.Equal(4.718871980050978, s.SharpeRatio, 1e-9);
        Assert.Equal(17.128541298816685, s.SortinoRatio, 1e-9);
        Assert.Equal(0.0018999348109147727, s.Ulcer.Index, 1e-12);
        Assert.Equal(3.854756883136114, s.OmegaRatio, 1e-9);
    }

    [Fact]
    public void Exposure_PositionsOpenAtEachClose()
    {
        Assert.Equal(
            [
                new ExposureDay(Monday, 1, 58_000m, 57_850m), new ExposureDay(Monday.AddDays(1), 0, 0m, 0m),
                new ExposureDay(Monday.AddDays(2), 1, 500m, 400m), new ExposureDay(Monday.AddDays(3), 1, 500m, 400m),
                new ExposureDay(Monday.AddDays(4), 2, 22_500m, 22_300m),
            ],
            Week().Exposure);
    }

    /// <summary>101,000 into SPY at Feb 6's 500: 102,010, 103,020, 99,990, 101,000, 105,040; +4%.</summary>
    [Fact]
    public void Benchmark_BuyAndHoldFromTheCloseBeforeTheWeek()
    {
        var spy = Week().Benchmark!;

        Assert.Equal((new DateOnly(2026, 2, 6), 500m, 520m), (spy.EntryDate, spy.EntryClose, spy.ExitClose));
        Assert.Equal(0.04, spy.Return, 1e-15);
        Assert.Equal([102_010.00m, 103_020.00m, 99_990.00m, 101_000.00m, 105_040.00m], spy.Days.Select(d => d.Equity));
        Assert.Equal(1_010.00m, spy.Days[0].Pnl);
    }

    [Fact]
    public void Benchmark_MissingASession_IsNone()
    {
        var report = PeriodReport.Of(
            ReportPeriod.Of(ReportPeriodKind.Week, Monday, Calendar), Sunday, Trades, 100_000m, Positions, Spy.Take(6).ToArray(), Calendar);

        Assert.Null(report.Benchmark);
        Assert.Contains("SPY buy-and-hold: no closes for the period", PeriodReportText.Lines(report));
    }

    /// <summary>A week under way is reported to the day asked: Wednesday's report has three sessions and two trades.</summary>
    [Fact]
    public void WeekUnderWay_ReportedToDate()
    {
        var report = PeriodReport.Of(
            ReportPeriod.Of(ReportPeriodKind.Week, Monday, Calendar), Monday.AddDays(2), Trades, 100_000m, Positions, Spy, Calendar);

        Assert.Equal((3, 2, 125.00m), (report.Exposure.Count, report.Performance.Trades.Trades, report.Pnl));
        Assert.StartsWith("Weekly report — week of 2026-02-09: 2026-02-09 to 2026-02-11, 3 session(s) so far", PeriodReportText.Lines(report)[0]);
    }

    [Fact]
    public void Text_TheWeekInLines()
    {
        Assert.Equal(
            [
                "Weekly report — week of 2026-02-09: 2026-02-09 to 2026-02-15, 5 session(s)",
                "Return -0.15% (-$155.00), max drawdown -0.30%, equity $101,000.00 → $100,845.00",
                "SPY buy-and-hold +4.00% (+$4,040.00), 500.00 → 520.00",
                "Trades closed: 4 (3 win(s), 1 loss(es)), win rate 75%",
                "  manual: 1 trade(s), +$20.00",
                "  profit_target: 2 trade(s), +$125.00",
                "  stop_loss: 1 trade(s), -$300.00",
                "Best: #2 SPY CSP profit_target +$75.00; worst: #4 SPY CSP stop_loss -$300.00",
                "Exposure: collateral $16,300.00 on average, peak $58,000.00 (1 position(s), max loss $57,850.00) on 2026-02-09",
                "To date: Sharpe 4.72, Sortino 17.13, ulcer index +0.19%, omega 3.85, max drawdown -0.30%",
            ],
            PeriodReportText.Lines(Week()));
    }

    /// <summary>No trades at all: the report still says so, line by line, rather than nothing.</summary>
    [Fact]
    public void NoTrades_AnEmptyReportThatSaysSo()
    {
        var report = PeriodReport.Of(ReportPeriod.Of(ReportPeriodKind.Week, Monday, Calendar), Sunday, [], 100_000m, [], [], Calendar);

        Assert.Equal((0.0, 0m, 0.0), (report.Return, report.Pnl, report.MaxDrawdown));
        var lines = PeriodReportText.Lines(report);
        Assert.Contains("No trades closed in the period", lines);
        Assert.Contains("Exposure: nothing open at any close", lines);
        Assert.Equal("To date: Sharpe n/a, Sortino n/a, ulcer index n/a, omega n/a, max drawdown n/a", lines[^1]);
    }

    private static DateTimeOffset At(string date, int hour, int minute) =>
        MarketTime.At(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), new TimeOnly(hour, minute));

    private static Position Held(long id, DateTimeOffset entered, DateTimeOffset? exited, decimal collateral, decimal maxLoss) => new()
    {
        PositionId = id,
        RequestId = $"req-{id}",
        Ticker = "SPY",
        StrategyType = StrategyType.CashSecuredPut,
        Status = exited is null ? PositionStatus.Open : PositionStatus.Closed,
        EntryDate = entered,
        ExitDate = exited,
        EntryPrice = 1.50m,
        Quantity = 1,
        StopLoss = -300m,
        ProfitTarget = 75m,
        Legs = ValueList<OptionLeg>.Empty,
        LastUpdated = entered,
        Multiplier = 100,
        Fees = 0m,
        MaxLoss = maxLoss,
        Collateral = collateral,
    };
}
