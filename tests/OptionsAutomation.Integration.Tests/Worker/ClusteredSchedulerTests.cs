using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OptionsAutomation.Integration.Tests.Support;
using OptionsAutomation.Worker;
using Quartz;

namespace OptionsAutomation.Integration.Tests.Worker;

/// <summary>
/// Two schedulers configured as <c>optauto run</c> configures its own (clustered ADO store on one
/// Postgres, tables from the migrations) fire each tick of a shared trigger exactly once.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Slow")]
public sealed class ClusteredSchedulerTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly JobKey TickKey = new("test-tick");
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(server);
        await _db.ExecuteAsync("CREATE TABLE test_ticks (scheduled_at timestamptz NOT NULL, instance text NOT NULL)");
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task TwoSchedulersOnOneDatabase_FireEachTickOnce()
    {
        var first = await StartSchedulerAsync();
        var second = await StartSchedulerAsync();
        try
        {
            // At least 4 ticks, however long a loaded machine takes to fire them (up to a minute).
            for (var deadline = DateTime.UtcNow.AddMinutes(1); DateTime.UtcNow < deadline && await _db.CountAsync("test_ticks") < 4;)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }

            // Two more seconds of both schedulers competing for the same ticks.
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
        finally
        {
            await first.Shutdown(waitForJobsToComplete: true);
            await second.Shutdown(waitForJobsToComplete: true);
        }

        var ticks = await _db.CountAsync("test_ticks");
        var distinct = await _db.CountAsync("(SELECT DISTINCT scheduled_at FROM test_ticks) t");
        Assert.True(ticks >= 4, $"expected at least 4 ticks within a minute, got {ticks}");
        Assert.Equal(distinct, ticks);
        Assert.NotEqual(first.SchedulerInstanceId, second.SchedulerInstanceId);
    }

    private async Task<IScheduler> StartSchedulerAsync()
    {
        var scheduler = await QuartzSchedulerBuilder.Create(quartz =>
        {
            quartz.Services.AddSingleton(_db.DataSource);
            JobScheduling.UseStore(quartz, clustered: true, _db.ConnectionString);
            JobScheduling.Schedule<TickJob>(quartz, TickKey, "0/1 * * * * ?");
        }).BuildScheduler();
        await scheduler.Start();
        return scheduler;
    }

    [DisallowConcurrentExecution]
    private sealed class TickJob(NpgsqlDataSource dataSource) : IJob
    {
        public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            await using var command = dataSource.CreateCommand("INSERT INTO test_ticks (scheduled_at, instance) VALUES ($1, $2)");
            command.Parameters.AddWithValue(context.ScheduledFireTimeUtc ?? context.FireTimeUtc);
            command.Parameters.AddWithValue(context.Scheduler.SchedulerInstanceId);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
