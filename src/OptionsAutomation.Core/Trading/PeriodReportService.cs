using OptionsAutomation.Core.Analytics.Periods;
using OptionsAutomation.Core.Calendar;

namespace OptionsAutomation.Core.Trading;

/// <summary>
/// Queues the weekly or monthly report, with its chart, for people: on the period's last session (Thursday when Friday
/// is a holiday; a month's last trading day), after that session's close, once per period by its dedup key. Fired daily,
/// it sends nothing on the period's other days, so the schedule needs no holiday arithmetic of its own.
/// </summary>
public sealed class PeriodReportService(IPeriodReports reports, IPeriodReportChart chart, IAlertQueue alerts, NyseCalendar calendar, TimeProvider clock)
{
    /// <summary>Null (nothing sent) unless <paramref name="date"/> is the period's last session and its close has come.</summary>
    public async Task<PeriodReport?> SendAsync(ReportPeriodKind kind, DateOnly date, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var period = ReportPeriod.Of(kind, date, calendar);
        if (period.LastSession is not { } last || last.Date != date || now < last.Close)
        {
            return null;
        }

        var report = await reports.ReadAsync(period, date, cancellationToken).ConfigureAwait(false);
        await alerts.EnqueueAsync(PeriodReportText.ToAlert(report) with { Photo = chart.Png(report) }, now, cancellationToken).ConfigureAwait(false);
        return report;
    }
}
