using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Postgres;
using OptionsAutomation.Integration.Tests.Support;
using OptionsAutomation.Worker;
using Quartz;

namespace OptionsAutomation.Integration.Tests.Worker;

/// <summary>A job that throws becomes an alert in the outbox, once per job per New York hour.</summary>
[Collection(PostgresCollection.Name)]
public sealed class JobFailureAlertTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly JobKey FailingKey = new("failing-job");
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(server);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task AFailingJob_QueuesOneJobFailedAlertPerHour()
    {
        var clock = new RealTimersClock(new DateTimeOffset(2026, 3, 11, 14, 35, 0, TimeSpan.Zero));
        var scheduler = await QuartzSchedulerBuilder.Create(quartz =>
        {
            quartz.Services.AddSingleton<IAlertQueue>(new PostgresAlertQueue(_db.DataSource));
            quartz.Services.AddSingleton<TimeProvider>(clock);
            quartz.UseInMemoryStore();
            quartz.AddJob<FailingJob>(job => job.WithIdentity(FailingKey).StoreDurably());
            quartz.AddJobListener<JobFailureAlerts>([Matchers.AllJobs()]);
        }).BuildScheduler();
        await scheduler.Start();
        try
        {
            await scheduler.TriggerJob(FailingKey);
            await WaitForAsync(async () => await _db.CountAsync("outbox") == 1);
            await scheduler.TriggerJob(FailingKey);
            await Task.Delay(500);
        }
        finally
        {
            await scheduler.Shutdown(waitForJobsToComplete: true);
        }

        Assert.Equal(1, await _db.CountAsync("outbox",
            "dedup_key = 'job-failed:failing-job:2026-03-11T10' AND payload->>'kind' = 'job_failed' AND payload->>'text' = 'Job failing-job failed: quotes unavailable'"));
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(20); DateTime.UtcNow < deadline; await Task.Delay(50))
        {
            if (await condition())
            {
                return;
            }
        }

        throw new TimeoutException("no job_failed alert was queued");
    }

    private sealed class FailingJob : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("quotes unavailable");
    }
}
