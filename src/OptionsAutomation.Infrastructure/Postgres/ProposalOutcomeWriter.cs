using Dapper;
using Npgsql;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Infrastructure.Audit;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>
/// A proposal's decisions and its opening order's outcome, inside the caller's transaction. Each write names the status
/// it moves from: had another process moved it meanwhile (a lost lock), no row matches, QuerySingle throws and the whole
/// transaction rolls back instead of overwriting what the other decided.
/// </summary>
internal static class ProposalOutcomeWriter
{
    public static Task<ProposalRow?> LockAsync(NpgsqlTransaction transaction, string requestId, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<ProposalRow?>(new CommandDefinition(
            $"SELECT {ProposalRow.Columns} FROM trade_requests WHERE request_id = @requestId FOR UPDATE",
            new { requestId }, transaction, cancellationToken: cancellationToken));

    /// <summary>PROPOSED rows past their window, locked in one order so two callers never deadlock.</summary>
    public static async Task<IReadOnlyList<ProposalRow>> LockDueAsync(NpgsqlTransaction transaction, DateTimeOffset now, CancellationToken cancellationToken) =>
        [.. await transaction.Connection!.QueryAsync<ProposalRow>(new CommandDefinition(
            $"SELECT {ProposalRow.Columns} FROM trade_requests WHERE status = 'PROPOSED' AND expires_at <= @Now ORDER BY request_id FOR UPDATE",
            new { Now = now.ToUniversalTime() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)];

    public static async Task DecidedAsync(
        NpgsqlTransaction transaction, TradeProposal moved, ProposalStatus from, string by, string? reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await transaction.Connection!.QuerySingleAsync<string>(new CommandDefinition(
            """
            UPDATE trade_requests SET status = @To, decided_by = @By, decided_at = @DecidedAt, decision_reason = @Reason, updated_at = @UpdatedAt
            WHERE request_id = @RequestId AND status = @From
            RETURNING request_id
            """,
            new
            {
                moved.RequestId, From = from.ToCode(), To = moved.Status.ToCode(), By = by, DecidedAt = moved.DecidedAt?.ToUniversalTime(),
                Reason = moved.DecisionReason, UpdatedAt = moved.UpdatedAt.ToUniversalTime(),
            },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await AuditLog.AppendAsync(transaction, new AuditEvent(now, by, "proposal." + moved.Status.ToCode().ToLowerInvariant(), "proposal", moved.RequestId,
            moved.RequestId, null, new { from, to = moved.Status, reason })).ConfigureAwait(false);
    }

    public static async Task ExecutedAsync(
        NpgsqlTransaction transaction, TradeProposal proposal, OrderState fill, long positionId, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        // A retry after a crash finds the order already final: the position id still belongs on it.
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE orders SET position_id = @PositionId WHERE client_order_id = @ClientOrderId AND position_id IS NULL",
            new { PositionId = positionId, fill.ClientOrderId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await connection.QuerySingleAsync<string>(new CommandDefinition(
            """
            UPDATE trade_requests SET status = 'EXECUTED', position_id = @PositionId, updated_at = @Now
            WHERE request_id = @RequestId AND status = 'EXECUTING'
            RETURNING request_id
            """,
            new { PositionId = positionId, proposal.RequestId, Now = now.ToUniversalTime() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await AuditLog.AppendAsync(transaction, new AuditEvent(now, actor, "proposal.executed", "proposal", proposal.RequestId, proposal.RequestId, positionId,
            new { fill.ClientOrderId, fill.NetPrice, fill.Fees, fill.FilledQuantity })).ConfigureAwait(false);
    }

    public static async Task FailedAsync(NpgsqlTransaction transaction, TradeProposal failed, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await transaction.Connection!.QuerySingleAsync<string>(new CommandDefinition(
            """
            UPDATE trade_requests SET status = 'FAILED', decision_reason = @Reason, updated_at = @Now
            WHERE request_id = @RequestId AND status = 'EXECUTING'
            RETURNING request_id
            """,
            new { Reason = failed.DecisionReason, failed.RequestId, Now = now.ToUniversalTime() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await AuditLog.AppendAsync(transaction, new AuditEvent(now, actor, "proposal.failed", "proposal", failed.RequestId, failed.RequestId, null,
            new { reason = failed.DecisionReason })).ConfigureAwait(false);
    }
}
