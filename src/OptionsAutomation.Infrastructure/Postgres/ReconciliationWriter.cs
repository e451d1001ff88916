using System.Globalization;
using Dapper;
using Npgsql;
using OptionsAutomation.Core.Reconciliation;
using OptionsAutomation.Infrastructure.Audit;
using OptionsAutomation.Infrastructure.Json;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>
/// <c>broker_reconciliations</c> (migration 0014): one row per run with its report as jsonb, inside the journal's
/// transaction; a new difference is also audited as <c>broker.mismatch</c>.
/// </summary>
internal static class ReconciliationWriter
{
    public const string MismatchEvent = "broker.mismatch";

    public static async Task WriteAsync(NpgsqlTransaction transaction, ReconciliationReport report, bool newDifference, CancellationToken cancellationToken)
    {
        var runId = await transaction.Connection!.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO broker_reconciliations (ran_at, matched, signature, report)
            VALUES (@At, @Matches, @Signature, CAST(@Report AS jsonb))
            RETURNING run_id
            """,
            new { At = report.At.ToUniversalTime(), report.Matches, report.Signature, Report = DomainJson.Serialize(report) },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (newDifference)
        {
            await AuditLog.AppendAsync(transaction, new AuditEvent(report.At, BrokerReconciliationService.Actor, MismatchEvent, "broker_reconciliation",
                runId.ToString(CultureInfo.InvariantCulture), null, null, new { differences = report.Differences })).ConfigureAwait(false);
        }
    }
}
