using System.Globalization;
using Dapper;
using Npgsql;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Trading.Adjustments;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>Recommendations as stored in <c>adjustments</c> (written through <see cref="PostgresTradingJournal"/>) and their decision lock.</summary>
public sealed class PostgresAdjustmentStore(NpgsqlDataSource dataSource) : IAdjustmentStore
{
    static PostgresAdjustmentStore() => DapperConventions.Apply();

    public async Task<Adjustment?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<AdjustmentRow>(new CommandDefinition(
            $"SELECT {AdjustmentRow.Columns} FROM adjustments WHERE id = @id", new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToDomain();
    }

    public async Task<IReadOnlyList<Adjustment>> ListAsync(AdjustmentStatus? status, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<AdjustmentRow>(new CommandDefinition(
            $"SELECT {AdjustmentRow.Columns} FROM adjustments {(status is null ? "" : "WHERE status = @Status")} ORDER BY id DESC LIMIT @limit",
            new { Status = status?.ToCode(), limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToDomain())];
    }

    public async Task<IAsyncDisposable?> TryLockAsync(long id, CancellationToken cancellationToken) =>
        await SessionAdvisoryLock.TryAcquireAsync(dataSource, string.Create(CultureInfo.InvariantCulture, $"adjustment:{id}"), cancellationToken).ConfigureAwait(false);
}
