using System.Globalization;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Trading;
using Quartz;

namespace OptionsAutomation.Worker;

/// <summary>
/// A job that throws is an alert for people, not only a log line: the exit job failing means positions are not
/// watched. One alert per job per New York hour, so a job failing every minute pages once an hour.
/// </summary>
internal sealed class JobFailureAlerts(IExitLedger alerts, TimeProvider clock) : IJobListener
{
    public string Name => nameof(JobFailureAlerts);

    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        if (jobException is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var job = context.JobDetail.Key.Name;
        var error = jobException.GetBaseException().Message;
        await alerts.AlertAsync(new Alert(
            string.Create(CultureInfo.InvariantCulture, $"job-failed:{job}:{MarketTime.InNewYork(now):yyyy-MM-ddTHH}"),
            "job_failed",
            $"Job {job} failed: {error}",
            null,
            null), now, cancellationToken).ConfigureAwait(false);
    }
}
