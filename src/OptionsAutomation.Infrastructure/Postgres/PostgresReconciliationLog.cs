using Dapper;
using Npgsql;
using OptionsAutomation.Core.Reconciliation;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>
/// Reads <c>broker_reconciliations</c>, which <see cref="ReconciliationWriter"/> fills through the journal.
/// </summary>
public sealed class PostgresReconciliationLog(NpgsqlDataSource dataSource) : IReconciliationLog
{
    static PostgresReconciliationLog() => DapperConventions.Apply();

    public async Task<ReconciliationRun?> LastAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<ReconciliationRun>(new CommandDefinition(
            "SELECT run_id, signature FROM broker_reconciliations ORDER BY run_id DESC LIMIT 1", cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
