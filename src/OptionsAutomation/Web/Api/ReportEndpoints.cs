using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OptionsAutomation.Cli;
using OptionsAutomation.Core.Analytics;
using OptionsAutomation.Core.Analytics.Periods;
using OptionsAutomation.Core.Brief;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Hosting;
using OptionsAutomation.Infrastructure.Brokers;
using OptionsAutomation.Infrastructure.Postgres;

using static Microsoft.AspNetCore.Http.StatusCodes;

namespace OptionsAutomation.Web.Api;

/// <summary>
/// Closed-trade reports: <c>history</c>, <c>pnl daily</c>, <c>metrics</c>, <c>report</c> and <c>report weekly|monthly</c> as the CLI prints them
/// with <c>--json</c>, the daily equity curve with its drawdown, and the morning brief. Dates are New York close dates.
/// </summary>
internal static class ReportEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/trades", TradesAsync).WithSummary("Closed trades (trade_history), oldest first; from/to New York close dates").Problems(Status400BadRequest);
        api.MapGet("/pnl/daily", DailyPnlAsync).WithSummary("P&L per New York close date and ticker (v_daily_pnl); date filters one day").Problems(Status400BadRequest);
        api.MapGet("/metrics", MetricsAsync).WithSummary("Totals over all closed trades (v_performance_metrics)");
        api.MapGet("/report", ReportAsync).WithSummary("Performance report: trade and return statistics, attribution, equity curve").Problems(Status400BadRequest);
        api.MapGet("/report/weekly", (PeriodReportReader reports, string? date, CancellationToken cancellationToken) => PeriodAsync(reports, ReportPeriodKind.Week, date, cancellationToken))
            .WithSummary("Weekly report of the week containing date (default today): return, drawdown, ratios to date, exit reasons, exposure, SPY buy-and-hold").Problems(Status400BadRequest);
        api.MapGet("/report/monthly", (PeriodReportReader reports, string? date, CancellationToken cancellationToken) => PeriodAsync(reports, ReportPeriodKind.Month, date, cancellationToken))
            .WithSummary("Monthly report of the month containing date (default today), as the weekly one").Problems(Status400BadRequest);
        api.MapGet("/compare", CompareAsync).WithSummary("Closed trades compared by strategy, ticker, exit reason, DTE at entry and sizing strategy").Problems(Status400BadRequest);
        api.MapGet("/brief", BriefAsync).WithSummary("Morning brief (optauto brief --json): today as of now, or date (New York) as of 09:00 that day")
            .Problems(Status400BadRequest);
        api.MapGet("/equity", EquityAsync).WithSummary("Daily equity curve (starting equity + realized P&L) with drawdown").Problems(Status400BadRequest);
    }

    private static async Task<Ok<IReadOnlyList<TradeRecord>>> TradesAsync(PositionManager positions, string? from, string? to, CancellationToken cancellationToken)
    {
        var (first, last) = ApiInput.Range(from, to);
        return TypedResults.Ok(await positions.HistoryAsync(first, last, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<Ok<IReadOnlyList<DailyPnl>>> DailyPnlAsync(PositionManager positions, string? date, CancellationToken cancellationToken) =>
        TypedResults.Ok(await positions.DailyPnlAsync(ApiInput.Date(date, "date"), cancellationToken).ConfigureAwait(false));

    private static async Task<Ok<PerformanceMetrics>> MetricsAsync(PositionManager positions, CancellationToken cancellationToken) =>
        TypedResults.Ok(await positions.PerformanceAsync(cancellationToken).ConfigureAwait(false));

    private static async Task<Ok<PerformanceJson.Report>> ReportAsync(
        PerformanceReportReader reports, string? from, string? to, CancellationToken cancellationToken)
    {
        var (first, last) = ApiInput.Range(from, to);
        return TypedResults.Ok(PerformanceJson.Report.Of(await reports.ReadAsync(first, last, cancellationToken).ConfigureAwait(false)));
    }

    private static async Task<Ok<PeriodReportJson>> PeriodAsync(PeriodReportReader reports, ReportPeriodKind kind, string? date, CancellationToken cancellationToken)
    {
        var report = await reports.ReadAsync(kind, ApiInput.Date(date, "date"), message => new ApiInputException(message), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(PeriodReportJson.Of(report));
    }

    private static async Task<Ok<ComparisonJson>> CompareAsync(PostgresComparedTrades trades, string? from, string? to, CancellationToken cancellationToken)
    {
        var (first, last) = ApiInput.Range(from, to);
        var comparison = StrategyComparison.Of(await trades.ReadAsync(first, last, cancellationToken).ConfigureAwait(false));
        return TypedResults.Ok(ComparisonJson.Of(comparison, first, last));
    }

    private static async Task<Ok<MorningBrief>> BriefAsync(MorningBriefService briefs, TimeProvider clock, string? date, CancellationToken cancellationToken) =>
        TypedResults.Ok(await briefs.BuildAsync(ApiInput.Date(date, "date") ?? MarketTime.Today(clock), cancellationToken).ConfigureAwait(false));

    private static async Task<Ok<EquityCurveJson>> EquityAsync(
        PositionManager positions, PaperBrokerSettings account, NyseCalendar calendar, string? from, string? to, CancellationToken cancellationToken)
    {
        var (first, last) = ApiInput.Range(from, to);
        var trades = await positions.HistoryAsync(null, last, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(EquityCurveJson.Of(DailyEquityCurve.Of(account.StartingEquity, trades, first, last, calendar)));
    }
}
