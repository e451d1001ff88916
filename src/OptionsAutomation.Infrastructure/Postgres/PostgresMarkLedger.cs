using System.Globalization;
using Dapper;
using Npgsql;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Marks;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Audit;
using OptionsAutomation.Infrastructure.Outbox;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>
/// Marks in Postgres: one transaction per mark, or per batch of a sweep (<see cref="MarkBatchWriter"/>), with the audit
/// events of quality changes and the alerts.
/// </summary>
public sealed class PostgresMarkLedger(NpgsqlDataSource dataSource) : IMarkLedger
{
    static PostgresMarkLedger() => DapperConventions.Apply();

    public async Task RecordMarkAsync(MarkUpdate update, Alert? alert, string? manualActor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // Only an OPEN position of the size the mark was computed for: a close (whole or partial) that committed meanwhile wins.
        var current = await connection.QuerySingleOrDefaultAsync<(string MarkStatus, string RequestId)?>(new CommandDefinition(
            "SELECT coalesce(mark_status, ''), request_id FROM positions WHERE position_id = @PositionId AND status = 'OPEN' AND quantity = @Quantity FOR UPDATE",
            new { update.PositionId, update.Quantity }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (current is not { } previous)
        {
            return;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE positions
            SET mark_status = @Status, mark_problem = @Problem, mark_price = @MarkPrice, marked_at = @MarkedAt,
                unrealized_pnl = @UnrealizedPnl, mae = @Mae, mfe = @Mfe, stop_breaches = @StopBreaches,
                delta = @Delta, gamma = @Gamma, theta = @Theta, vega = @Vega, last_updated = @Now
            WHERE position_id = @PositionId AND status = 'OPEN' AND quantity = @Quantity
            """,
            new
            {
                update.PositionId,
                update.Quantity,
                Status = update.Quality.ToCode(),
                update.Problem,
                update.MarkPrice,
                MarkedAt = update.MarkedAt?.ToUniversalTime(),
                update.UnrealizedPnl,
                update.Mae,
                update.Mfe,
                update.StopBreaches,
                update.Greeks?.Delta,
                update.Greeks?.Gamma,
                update.Greeks?.Theta,
                update.Greeks?.Vega,
                Now = now.ToUniversalTime(),
            },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);

        // Marks change every minute; the audit trail records when a position's mark changes quality,
        // and every mark a person sets.
        var status = update.Quality.ToCode();
        if (manualActor is not null || previous.MarkStatus != status)
        {
            await AuditLog.AppendAsync(transaction, new AuditEvent(now, manualActor ?? "mark-job",
                manualActor is null ? "position.mark_" + status.ToLowerInvariant() : "position.marked_manually", "position",
                Id(update.PositionId), previous.RequestId, update.PositionId, new { update.Quality, update.Problem, update.MarkPrice, update.MarkedAt, update.UnrealizedPnl })).ConfigureAwait(false);
        }

        if (alert is not null)
        {
            await OutboxWriter.EnqueueAsync(transaction, alert, now).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task RecordMarksAsync(IReadOnlyList<MarkRecord> marks, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (marks.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await MarkBatchWriter.WriteAsync(connection, marks, now, cancellationToken).ConfigureAwait(false);
    }

    private static string Id(long positionId) => positionId.ToString(CultureInfo.InvariantCulture);
}
