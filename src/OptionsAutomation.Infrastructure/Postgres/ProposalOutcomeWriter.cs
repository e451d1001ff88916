using Dapper;
using Npgsql;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Infrastructure.Audit;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>
/// An opening order's outcome on its proposal, inside the caller's transaction. Only from EXECUTING: had another process
/// finished it meanwhile (a lost lock), no row matches, QuerySingle throws and the whole transaction rolls back instead
/// of overwriting its outcome.
/// </summary>
internal static class ProposalOutcomeWriter
{
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
