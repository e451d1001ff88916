using Npgsql;
using OptionsAutomation.Core.Trading;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>
/// Marks in Postgres: one transaction per batch of a sweep, or per mark set by hand (<see cref="MarkBatchWriter"/>), with
/// the audit events and the alerts.
/// </summary>
public sealed class PostgresMarkLedger(NpgsqlDataSource dataSource) : IMarkLedger
{
    public async Task RecordMarksAsync(IReadOnlyList<MarkRecord> marks, string? person, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (marks.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await MarkBatchWriter.WriteAsync(connection, marks, person, now, cancellationToken).ConfigureAwait(false);
    }
}
