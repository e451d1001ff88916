using Dapper;
using Npgsql;
using OptionsAutomation.Core.Reconciliation;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Audit;
using OptionsAutomation.Infrastructure.Json;
using OptionsAutomation.Infrastructure.Outbox;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>
/// <c>broker_reconciliations</c>: one row per run with its report as jsonb. A run that brings an alert (a new difference)
/// also writes the audit event <c>broker.mismatch</c> and the outbox alert, in the same transaction.
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

    public async Task RecordAsync(ReconciliationReport report, Alert? alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var runId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO broker_reconciliations (ran_at, matched, signature, report)
            VALUES (@At, @Matches, @Signature, CAST(@Report AS jsonb))
            RETURNING run_id
            """,
            new { At = report.At.ToUniversalTime(), report.Matches, report.Signature, Report = DomainJson.Serialize(report) },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (alert is not null)
        {
            await AuditLog.AppendAsync(transaction, new AuditEvent(report.At, BrokerReconciliationService.Actor, "broker.mismatch", "broker_reconciliation",
                runId.ToString(System.Globalization.CultureInfo.InvariantCulture), null, null, new { differences = report.Differences })).ConfigureAwait(false);
            await OutboxWriter.EnqueueAsync(transaction, alert, report.At).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
