using Dapper;
using Microsoft.Extensions.Logging;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Audit;
using OptionsAutomation.Infrastructure.Outbox;
using OptionsAutomation.Infrastructure.Risk;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>The approval path of a proposal: lock, status transitions, the opening order and its outcome.</summary>
public sealed partial class PostgresProposalStore
{
    public async Task<IAsyncDisposable?> TryLockAsync(string requestId, CancellationToken cancellationToken) =>
        await SessionAdvisoryLock.TryAcquireAsync(dataSource, requestId, cancellationToken).ConfigureAwait(false);

    public async Task<TradeProposal?> TransitionAsync(
        string requestId, IReadOnlyList<ProposalStatus> from, ProposalStatus to, string by, string? reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<ProposalRow>(new CommandDefinition(
            $"""
            UPDATE trade_requests
            SET status = @To, decided_by = @By, decided_at = @Now, decision_reason = coalesce(@Reason, decision_reason), updated_at = @Now
            WHERE request_id = @RequestId AND status = ANY(@From)
            RETURNING {ProposalRow.Columns}
            """,
            new { RequestId = requestId, From = from.Select(s => s.ToCode()).ToArray(), To = to.ToCode(), By = by, Reason = reason, Now = now.ToUniversalTime() },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var changed = row.ToDomain();
        await AuditLog.AppendAsync(transaction, new AuditEvent(now, by, "proposal." + to.ToCode().ToLowerInvariant(), "proposal", requestId, requestId, null,
            new { from, to, reason })).ConfigureAwait(false);
        if (to is ProposalStatus.Rejected or ProposalStatus.Expired or ProposalStatus.Failed)
        {
            await OutboxWriter.EnqueueAsync(transaction, Alert.Decided(changed), now).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        LogTransition(requestId, to.ToCode(), by);
        return changed;
    }

    public async Task RecordOpeningOrderAsync(TradeProposal proposal, OrderTicket ticket, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO orders (client_order_id, request_id, intent, status, legs, limit_price, quantity, created_at, updated_at)
            VALUES (@ClientOrderId, @RequestId, 'OPEN', 'PENDING', CAST(@Legs AS jsonb), @LimitPrice, @Quantity, @Now, @Now)
            ON CONFLICT (client_order_id) DO NOTHING
            """,
            new
            {
                ticket.ClientOrderId,
                proposal.RequestId,
                Legs = OrderLegsJson.Serialize(ticket.Legs),
                ticket.LimitPrice,
                ticket.Quantity,
                Now = now.ToUniversalTime(),
            },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (inserted == 1)
        {
            await AuditLog.AppendAsync(transaction, new AuditEvent(now, actor, "order.submitted", "order", ticket.ClientOrderId, proposal.RequestId, null,
                new { intent = "OPEN", quantity = ticket.Quantity, limit = ticket.LimitPrice })).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task RecordOrderProgressAsync(TradeProposal proposal, OrderState state, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await OrderWriter.MoveAsync(transaction, state, actor, proposal.RequestId, null, null, now, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task RecordUnknownOutcomeAsync(TradeProposal proposal, string clientOrderId, string error, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await OrderWriter.MarkUnknownAsync(transaction, clientOrderId, actor, proposal.RequestId, null, error, now, cancellationToken).ConfigureAwait(false);
        await BreakerWriter.FeedAsync(transaction, BreakerFeed.Error, now, _risk).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<TradeProposal> CompleteExecutionAsync(
        TradeProposal proposal, OrderState fill, long positionId, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await OrderWriter.MoveAsync(transaction, fill, actor, proposal.RequestId, positionId, null, now, cancellationToken).ConfigureAwait(false);
        // A retry after a crash finds the order already final: the position id still belongs on it.
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE orders SET position_id = @PositionId WHERE client_order_id = @ClientOrderId AND position_id IS NULL",
            new { PositionId = positionId, fill.ClientOrderId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await FillWriter.InsertAsync(transaction, fill, proposal.RequestId, positionId, cancellationToken).ConfigureAwait(false);
        // Only from EXECUTING: had another process finished it meanwhile (a lost lock), no row matches, QuerySingle
        // throws and this whole transaction rolls back instead of overwriting its outcome.
        var row = await connection.QuerySingleAsync<ProposalRow>(new CommandDefinition(
            $"""
            UPDATE trade_requests SET status = 'EXECUTED', position_id = @PositionId, updated_at = @Now
            WHERE request_id = @RequestId AND status = 'EXECUTING'
            RETURNING {ProposalRow.Columns}
            """,
            new { PositionId = positionId, proposal.RequestId, Now = now.ToUniversalTime() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var executed = row.ToDomain();
        await AuditLog.AppendAsync(transaction, new AuditEvent(now, actor, "proposal.executed", "proposal", proposal.RequestId, proposal.RequestId, positionId,
            new { fill.ClientOrderId, fill.NetPrice, fill.Fees, fill.FilledQuantity })).ConfigureAwait(false);
        await BreakerWriter.FeedAsync(transaction, OrderLifecycle.FeedFor(fill.Status, fill.FilledQuantity), now, _risk).ConfigureAwait(false);
        await OutboxWriter.EnqueueAsync(transaction, Alert.Executed(proposal, fill, positionId), now).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return executed;
    }

    public async Task<TradeProposal> FailExecutionAsync(
        TradeProposal proposal, OrderState final, string reason, BreakerFeed feed, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await OrderWriter.MoveAsync(transaction, final, actor, proposal.RequestId, null, reason, now, cancellationToken).ConfigureAwait(false);
        // A fill we will not book (opened for a debit) is still a fill: on record, against no position.
        await FillWriter.InsertAsync(transaction, final, proposal.RequestId, null, cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleAsync<ProposalRow>(new CommandDefinition(
            $"""
            UPDATE trade_requests SET status = 'FAILED', decision_reason = @Reason, updated_at = @Now
            WHERE request_id = @RequestId AND status = 'EXECUTING'
            RETURNING {ProposalRow.Columns}
            """,
            new { Reason = final.FilledQuantity == 0 ? $"order not filled: {reason}" : $"order not booked: {reason}", proposal.RequestId, Now = now.ToUniversalTime() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var failed = row.ToDomain();
        await AuditLog.AppendAsync(transaction, new AuditEvent(now, actor, "proposal.failed", "proposal", proposal.RequestId, proposal.RequestId, null,
            new { reason = failed.DecisionReason })).ConfigureAwait(false);
        await BreakerWriter.FeedAsync(transaction, feed, now, _risk).ConfigureAwait(false);
        await OutboxWriter.EnqueueAsync(transaction, Alert.Decided(failed), now).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return failed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Proposal {request_id} is now {status} (by {by})")]
    private partial void LogTransition(string request_id, string status, string by);
}
