using OptionsAutomation.Core.Analytics;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Brokers;

namespace OptionsAutomation.Hosting;

/// <summary>
/// The performance report of a New York date range, read once for both <c>optauto report</c> and <c>/api/report</c>:
/// trade and return statistics over the daily equity curve, attribution, and attribution by Greek from the stored
/// risk snapshots of the range.
/// </summary>
internal sealed class PerformanceReportReader(PositionManager positions, IRiskHistory snapshots, PaperBrokerSettings account, NyseCalendar calendar)
{
    public async Task<PerformanceReport> ReadAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        // Every trade up to the end: those before `from` set the opening equity of the curve.
        var trades = await positions.HistoryAsync(null, to, cancellationToken).ConfigureAwait(false);
        var report = PerformanceReport.Of(trades, account.StartingEquity, from, to, calendar);
        // The range's New York days as instants: from midnight of `from` to midnight after `to`.
        var marks = await snapshots.PositionsAsync(
            from is { } first ? MarketTime.At(first, TimeOnly.MinValue) : null,
            to is { } last ? MarketTime.At(last.AddDays(1), TimeOnly.MinValue) : null,
            cancellationToken).ConfigureAwait(false);
        return report with { ByGreek = GreekAttribution.Of(marks) };
    }
}
