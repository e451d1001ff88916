using OptionsAutomation.Core.Backtest;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Analytics.Periods;

/// <summary>
/// The weekly or monthly report: the <see cref="Performance"/> of the period's sessions up to <see cref="Through"/> (its
/// return, max drawdown and P&amp;L, trades by exit reason; a period still under way is reported to date), the
/// <see cref="ToDate"/> return statistics of the account from its first trade to <see cref="Through"/> (Sharpe, Sortino,
/// ulcer, omega: a week of five returns says little about them), the best and worst trades closed in the period, the
/// <see cref="Exposure"/> at each session's close and buying and holding SPY with the period's opening equity.
/// </summary>
public sealed record PeriodReport(
    ReportPeriod Period,
    DateOnly Through,
    PerformanceReport Performance,
    ReturnStatistics ToDate,
    TradeRecord? Best,
    TradeRecord? Worst,
    IReadOnlyList<ExposureDay> Exposure,
    BuyAndHold? Benchmark)
{
    /// <summary>The benchmark the reports compare with.</summary>
    public const string BenchmarkSymbol = "SPY";

    public decimal Pnl => Performance.Trades.TotalPnl;

    /// <summary>The period's return on its opening equity (0 for a period with no sessions yet).</summary>
    public double Return => Performance.Returns.Periods == 0 ? 0.0 : Performance.Returns.TotalReturn;

    /// <summary>The deepest fall within the period, ≤ 0.</summary>
    public double MaxDrawdown => Performance.Returns.Periods == 0 ? 0.0 : Performance.Returns.MaxDrawdown.Depth;

    /// <param name="trades">the trades closed up to <paramref name="through"/> (later ones are left out).</param>
    /// <param name="positions">every position that may have been open in the period, for <see cref="Exposure"/>.</param>
    /// <param name="benchmarkCloses">SPY's daily closes covering the session before the period and its sessions.</param>
    /// <param name="through">the last day to report: the period's last day, or today while it is under way.</param>
    public static PeriodReport Of(
        ReportPeriod period,
        DateOnly through,
        IReadOnlyList<TradeRecord> trades,
        decimal startingEquity,
        IReadOnlyList<Position> positions,
        IReadOnlyList<IndexClose> benchmarkCloses,
        NyseCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(trades);
        var last = through < period.Last ? through : period.Last;
        var upToEnd = trades.Where(t => MarketTime.DateOf(t.ClosedAt) <= last).ToArray();
        var performance = PerformanceReport.Of(upToEnd, startingEquity, period.First, last, calendar);
        var inPeriod = upToEnd.Where(t => MarketTime.DateOf(t.ClosedAt) >= period.First).ToArray();
        var sessions = period.Sessions.Where(s => s.Date <= last).ToArray();
        return new PeriodReport(
            period,
            last,
            performance,
            ReturnStatistics.Of(DailyEquityCurve.Of(startingEquity, upToEnd, null, last, calendar).Returns()),
            inPeriod.OrderByDescending(t => t.PnlRealized).ThenBy(t => t.ClosedAt).FirstOrDefault(),
            inPeriod.OrderBy(t => t.PnlRealized).ThenBy(t => t.ClosedAt).FirstOrDefault(),
            ExposureDay.Of(sessions, positions),
            BuyAndHold.Of(
                BenchmarkSymbol,
                performance.EquityCurve.OpeningEquity,
                calendar.PreviousSession(period.First).Date,
                [.. sessions.Select(s => s.Date)],
                benchmarkCloses));
    }
}
