using Dapper;
using Npgsql;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>When each scheduled job last fired and fires next, per its trigger in the Quartz job store.</summary>
public sealed record JobRun(string Job, DateTimeOffset? LastFired, DateTimeOffset? NextFire);

/// <summary>
/// Reads the Quartz ADO store's triggers (times are UTC ticks there). Empty when the scheduler runs in memory
/// (<c>Jobs:Clustered</c> false) or has never started.
/// </summary>
public sealed class JobRunReader(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<JobRun>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string Job, long? Last, long? Next)>(new CommandDefinition(
            "SELECT job_name, prev_fire_time, next_fire_time FROM qrtz_triggers ORDER BY job_name", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new JobRun(r.Job, Instant(r.Last), Instant(r.Next)))];
    }

    // Quartz writes -1 or 0 for "never"; anything positive is DateTimeOffset.UtcTicks.
    private static DateTimeOffset? Instant(long? ticks) => ticks is > 0 ? new DateTimeOffset(ticks.Value, TimeSpan.Zero) : null;
}
