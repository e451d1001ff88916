using Dapper;
using Microsoft.Extensions.Logging;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Audit;
using OptionsAutomation.Infrastructure.Outbox;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>The approval path of a proposal: lock, status transitions and the opening order up to its outcome (booked through the trading journal).</summary>
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
        if (Alert.OnTransition(changed) is { } alert)
        {
            await OutboxWriter.EnqueueAsync(transaction, alert, now).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        LogTransition(requestId, to.ToCode(), by);
        return changed;
    }

    public async Task RecordOpeningOrderAsync(TradeProposal proposal, OrderTicket ticket, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await OrderWriter.RecordAsync(transaction, ticket.ClientOrderId, OrderIntent.Open, ticket.Legs, ticket.Quantity, ticket.LimitPrice,
            proposal.RequestId, null, null, actor, now, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task RecordOrderProgressAsync(TradeProposal proposal, OrderState state, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await OrderWriter.MoveAsync(transaction, state, actor, proposal.RequestId, null, null, now, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Proposal {request_id} is now {status} (by {by})")]
    private partial void LogTransition(string request_id, string status, string by);
}
