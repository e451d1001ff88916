using OptionsAutomation.Core.Analytics;
using OptionsAutomation.Core.Analytics.Periods;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Cli;

/// <summary>
/// The <c>--json</c> shape of <c>report weekly|monthly</c> and of <c>/api/report/weekly|monthly</c>: the period, its
/// headline figures, the details behind them, the ratios to date (as <c>report</c>'s return statistics) and the
/// <see cref="Summary"/> lines the chat shows.
/// </summary>
internal sealed record PeriodReportJson(
    string Kind,
    string Label,
    DateOnly First,
    DateOnly Last,
    DateOnly Through,
    double Return,
    decimal Pnl,
    double MaxDrawdown,
    decimal OpeningEquity,
    decimal ClosingEquity,
    TradeStatistics TradeStatistics,
    IReadOnlyList<AttributionRow> ByExitReason,
    TradeRecord? BestTrade,
    TradeRecord? WorstTrade,
    IReadOnlyList<ExposureDay> Exposure,
    BuyAndHold? Benchmark,
    PerformanceJson.Returns ToDate,
    IReadOnlyList<EquityPoint> EquityCurve,
    IReadOnlyList<string> Summary)
{
    public static PeriodReportJson Of(PeriodReport r) => new(
        r.Period.Kind == ReportPeriodKind.Week ? "weekly" : "monthly",
        r.Period.Label,
        r.Period.First,
        r.Period.Last,
        r.Through,
        r.Return,
        r.Pnl,
        r.MaxDrawdown,
        r.Performance.EquityCurve.OpeningEquity,
        r.Performance.EquityCurve.Closing,
        r.Performance.Trades,
        r.Performance.Attribution.ByExitReason,
        r.Best,
        r.Worst,
        r.Exposure,
        r.Benchmark,
        PerformanceJson.Returns.Of(r.ToDate),
        r.Performance.EquityCurve.Days,
        PeriodReportText.Lines(r));
}
