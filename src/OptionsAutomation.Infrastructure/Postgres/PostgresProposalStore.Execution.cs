using System.Globalization;
using Dapper;
using Microsoft.Extensions.Logging;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Audit;
using OptionsAutomation.Infrastructure.Json;
using OptionsAutomation.Infrastructure.Outbox;
using OptionsAutomation.Infrastructure.Risk;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>The approval path of a proposal: lock, status transitions, the opening order and its outcome.</summary>
public sealed partial class PostgresProposalStore
{
    public async Task<IAsyncDisposable> LockAsync(string requestId, CancellationToken cancellationToken) =>
        await SessionAdvisoryLock.AcquireAsync(dataSource, requestId, cancellationToken).ConfigureAwait(false);

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

    public async Task RecordOpeningOrderAsync(TradeProposal proposal, OrderTicket ticket, DateTimeOffset now, CancellationToken cancellationToken)
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
                Legs = DomainJson.Serialize(ticket.Legs.Select(l => new { symbol = l.Contract.OccSymbol, side = l.Side, ratio = l.Ratio })),
                ticket.LimitPrice,
                ticket.Quantity,
                Now = now.ToUniversalTime(),
            },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (inserted == 1)
        {
            await AuditLog.AppendAsync(transaction, new AuditEvent(now, "approval", "order.submitted", "order", ticket.ClientOrderId, proposal.RequestId, null,
                new { intent = "OPEN", quantity = ticket.Quantity, limit = ticket.LimitPrice })).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task RecordOrderProgressAsync(TradeProposal proposal, OrderState state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE orders SET status = @Status, filled_quantity = @FilledQuantity, broker_order_id = @BrokerOrderId, updated_at = @Now
            WHERE client_order_id = @ClientOrderId AND (status, filled_quantity) IS DISTINCT FROM (@Status, @FilledQuantity)
            """,
            new { Status = state.Status.ToCode(), state.FilledQuantity, state.BrokerOrderId, state.ClientOrderId, Now = now.ToUniversalTime() },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (changed == 1)
        {
            await AuditLog.AppendAsync(transaction, new AuditEvent(now, "approval", OrderEvents.For(state.Status), "order", state.ClientOrderId, proposal.RequestId, null,
                new { status = state.Status, quantity = state.Quantity, filled = state.FilledQuantity, price = state.NetPrice })).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<TradeProposal> CompleteExecutionAsync(
        TradeProposal proposal, OrderState fill, long positionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE orders SET status = @Status, filled_quantity = @FilledQuantity, position_id = @PositionId, fill_price = @NetPrice, fees = @Fees,
                broker_order_id = @BrokerOrderId, error = @Reason, updated_at = @Now
            WHERE client_order_id = @ClientOrderId
            """,
            new
            {
                Status = fill.Status.ToCode(), fill.FilledQuantity, PositionId = positionId, fill.NetPrice, fill.Fees, fill.BrokerOrderId, fill.Reason,
                fill.ClientOrderId, Now = now.ToUniversalTime(),
            },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await AuditLog.AppendAsync(transaction, new AuditEvent(now, "approval", OrderEvents.For(fill.Status), "order", fill.ClientOrderId, proposal.RequestId, positionId,
            new { status = fill.Status, quantity = fill.Quantity, filled = fill.FilledQuantity, price = fill.NetPrice, reason = fill.Reason })).ConfigureAwait(false);
        await FillWriter.InsertAsync(transaction, fill, proposal.RequestId, positionId, cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleAsync<ProposalRow>(new CommandDefinition(
            $"""
            UPDATE trade_requests SET status = 'EXECUTED', position_id = @PositionId, updated_at = @Now
            WHERE request_id = @RequestId
            RETURNING {ProposalRow.Columns}
            """,
            new { PositionId = positionId, proposal.RequestId, Now = now.ToUniversalTime() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var executed = row.ToDomain();
        await AuditLog.AppendAsync(transaction, new AuditEvent(now, "approval", "proposal.executed", "proposal", proposal.RequestId, proposal.RequestId, positionId,
            new { fill.ClientOrderId, fill.NetPrice, fill.Fees, fill.FilledQuantity })).ConfigureAwait(false);
        await BreakerWriter.RecordExecutionSuccessAsync(transaction, now).ConfigureAwait(false);
        var partial = fill.FilledQuantity < proposal.Quantity
            ? $" (partial fill: {fill.FilledQuantity} of {proposal.Quantity}, {proposal.Quantity - fill.FilledQuantity} {fill.Reason ?? "cancelled"})"
            : "";
        await OutboxWriter.EnqueueAsync(transaction, new Alert($"executed:{proposal.RequestId}", "executed",
            string.Create(CultureInfo.InvariantCulture,
                $"Proposal {proposal.RequestId} executed — {proposal.Ticker} {proposal.StrategyType.ToCode()} × {fill.FilledQuantity}{partial} at a credit of {-fill.NetPrice!.Value:0.00##} — position {positionId}"),
            positionId, proposal.RequestId), now).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return executed;
    }

    public async Task<TradeProposal> FailExecutionAsync(
        TradeProposal proposal, OrderState final, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE orders SET status = @Status, filled_quantity = @FilledQuantity, fill_price = @NetPrice, fees = @Fees, broker_order_id = @BrokerOrderId,
                error = @Error, updated_at = @Now
            WHERE client_order_id = @ClientOrderId
            """,
            new
            {
                Status = final.Status.ToCode(), final.FilledQuantity, final.NetPrice, final.Fees, final.BrokerOrderId, Error = reason,
                final.ClientOrderId, Now = now.ToUniversalTime(),
            },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var row = await connection.QuerySingleAsync<ProposalRow>(new CommandDefinition(
            $"""
            UPDATE trade_requests SET status = 'FAILED', decision_reason = @Reason, updated_at = @Now
            WHERE request_id = @RequestId
            RETURNING {ProposalRow.Columns}
            """,
            new { Reason = final.FilledQuantity == 0 ? $"order not filled: {reason}" : $"order not booked: {reason}", proposal.RequestId, Now = now.ToUniversalTime() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var failed = row.ToDomain();
        await AuditLog.AppendAsync(transaction, new AuditEvent(now, "approval", OrderEvents.For(final.Status), "order", final.ClientOrderId, proposal.RequestId, null,
            new { status = final.Status, quantity = final.Quantity, filled = final.FilledQuantity, reason })).ConfigureAwait(false);
        await BreakerWriter.RecordExecutionErrorAsync(transaction, now, _risk).ConfigureAwait(false);
        await OutboxWriter.EnqueueAsync(transaction, Alert.Decided(failed), now).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return failed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Proposal {request_id} is now {status} (by {by})")]
    private partial void LogTransition(string request_id, string status, string by);
}
