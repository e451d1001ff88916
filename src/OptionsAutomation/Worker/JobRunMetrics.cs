using OptionsAutomation.Web.Metrics;
using Quartz;

namespace OptionsAutomation.Worker;

/// <summary>Counts every job run and records its duration (a failed run counts too, with outcome failure).</summary>
internal sealed class JobRunMetrics(AppMetrics metrics) : IJobListener
{
    public string Name => nameof(JobRunMetrics);

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        metrics.JobRan(context.JobDetail.Key.Name, context.JobRunTime, jobException is null);
        return ValueTask.CompletedTask;
    }
}
