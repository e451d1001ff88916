using System.Globalization;
using Dapper;
using Npgsql;
using OptionsAutomation.Core.Trading;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>The locks and reads of a close in Postgres (its order is written through <see cref="PostgresTradingJournal"/>).</summary>
public sealed class PostgresCloseLedger(NpgsqlDataSource dataSource) : ICloseLedger
{
    static PostgresCloseLedger() => DapperConventions.Apply();

    public async Task<IAsyncDisposable?> TryLockCloseAsync(long positionId, CancellationToken cancellationToken) =>
        await SessionAdvisoryLock.TryAcquireAsync(dataSource, $"close-{positionId.ToString(CultureInfo.InvariantCulture)}", cancellationToken).ConfigureAwait(false);

    public async Task<bool> IsOrderWorkingAsync(string clientOrderId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            $"SELECT EXISTS (SELECT 1 FROM orders WHERE client_order_id = @clientOrderId AND status IN ({OrderRecordRow.WorkingStatuses}))",
            new { clientOrderId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
