using OptionsAutomation.Core.Trading;
using Quartz;

namespace OptionsAutomation.Worker;

/// <summary>
/// A job that throws is an alert for people, not only a log line: the exit job failing means positions are not
/// watched (<see cref="Alert.JobFailed"/>: once per job per New York hour).
/// </summary>
internal sealed class JobFailureAlerts(IAlertQueue alerts, TimeProvider clock) : IJobListener
{
    public string Name => nameof(JobFailureAlerts);

    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        if (jobException is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        await alerts.EnqueueAsync(Alert.JobFailed(context.JobDetail.Key.Name, jobException.GetBaseException().Message, now), now, cancellationToken).ConfigureAwait(false);
    }
}
