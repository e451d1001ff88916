using Microsoft.Extensions.Logging;
using OptionsAutomation.Core.Analytics.Periods;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Trading;
using Quartz;

namespace OptionsAutomation.Worker.Jobs;

/// <summary>
/// The weekly and monthly reports to the chat: one job, fired after the close on weekdays by two triggers
/// (<c>Jobs:WeeklyReportCron</c>, <c>Jobs:MonthlyReportCron</c>) that name the period in their data; each fire sends
/// only on the period's last session (<see cref="PeriodReportService"/>), once per period.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class PeriodReportJob(PeriodReportService reports, TimeProvider clock, ILogger<PeriodReportJob> logger) : IJob
{
    public static readonly JobKey Key = new("period-report");

    /// <summary>The trigger data naming the period: <see cref="ReportPeriodKind"/>'s name.</summary>
    public const string PeriodKey = "period";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        // Every trigger names its period (JobScheduling); one without would be a scheduling bug, not a weekly report.
        var kind = Enum.Parse<ReportPeriodKind>(context.MergedJobDataMap.GetString(PeriodKey)
            ?? throw new InvalidOperationException($"the trigger of {Key} names no period ({PeriodKey})."));
        var sent = await reports.SendAsync(kind, MarketTime.Today(clock), cancellationToken).ConfigureAwait(false);
        if (sent is not null)
        {
            LogSent(sent.Period.Label, sent.Pnl);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Report for the {Period} sent: P&L {Pnl}")]
    private partial void LogSent(string period, decimal pnl);
}
