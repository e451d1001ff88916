using Dapper;
using Npgsql;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Infrastructure.Audit;
using OptionsAutomation.Infrastructure.Json;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>
/// A proposal's rows inside the caller's transaction: its creation, its decisions and its opening order's outcome, each
/// with its audit event. Each move names the status it moves from: had another process moved it meanwhile (a lost lock),
/// no row matches, QuerySingle throws and the whole transaction rolls back instead of overwriting what the other decided.
/// </summary>
internal static class ProposalWriter
{
    /// <summary>Inserts the proposal unless its request id exists; that one is returned unchanged instead (Created false).</summary>
    public static async Task<(TradeProposal Proposal, bool Created)> InsertAsync(NpgsqlTransaction transaction, TradeProposal proposal, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        // ON CONFLICT makes a concurrent second screen of the same request id wait for the first, then insert nothing.
        var inserted = await connection.QuerySingleOrDefaultAsync<ProposalRow>(new CommandDefinition(
            $"""
            INSERT INTO trade_requests (request_id, status, ticker, strategy_type, expiration, short_strike, long_strike, net_credit,
                quantity, max_loss, collateral, probability_of_profit, legs, risk_summary, sizing, proposed_at, expires_at, updated_at,
                scales_position_id)
            VALUES (@RequestId, @Status, @Ticker, @StrategyType, @Expiration, @ShortStrike, @LongStrike, @NetCredit,
                @Quantity, @MaxLoss, @Collateral, @ProbabilityOfProfit, CAST(@Legs AS jsonb), CAST(@RiskSummary AS jsonb), CAST(@Sizing AS jsonb), @ProposedAt, @ExpiresAt, @UpdatedAt,
                @ScalesPositionId)
            ON CONFLICT (request_id) DO NOTHING
            RETURNING {ProposalRow.Columns}
            """,
            new
            {
                proposal.RequestId,
                Status = proposal.Status.ToCode(),
                proposal.Ticker,
                StrategyType = proposal.StrategyType.ToCode(),
                Expiration = proposal.Expiration.ToDateTime(TimeOnly.MinValue),
                proposal.ShortStrike,
                proposal.LongStrike,
                proposal.NetCredit,
                proposal.Quantity,
                proposal.MaxLoss,
                proposal.Collateral,
                proposal.ProbabilityOfProfit,
                Legs = DomainJson.Serialize(proposal.Legs),
                RiskSummary = proposal.RiskSummary is null ? null : DomainJson.Serialize(proposal.RiskSummary),
                Sizing = proposal.Sizing is null ? null : DomainJson.Serialize(proposal.Sizing),
                ProposedAt = proposal.ProposedAt.ToUniversalTime(),
                ExpiresAt = proposal.ExpiresAt.ToUniversalTime(),
                UpdatedAt = proposal.UpdatedAt.ToUniversalTime(),
                proposal.ScalesPositionId,
            },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (inserted is not null)
        {
            return (inserted.ToDomain(), true);
        }

        var existing = await connection.QuerySingleOrDefaultAsync<ProposalRow>(new CommandDefinition(
            $"SELECT {ProposalRow.Columns} FROM trade_requests WHERE request_id = @RequestId", new { proposal.RequestId },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"proposal {proposal.RequestId} conflicted but is gone.");
        return (existing.ToDomain(), false);
    }

    public static Task CreatedAsync(NpgsqlTransaction transaction, TradeProposal created, string actor) =>
        AuditLog.AppendAsync(transaction, new AuditEvent(created.UpdatedAt, actor, "proposal.created", "proposal", created.RequestId, created.RequestId, null, created));

    public static Task RiskDeniedAsync(NpgsqlTransaction transaction, string requestId, string denial, string actor, DateTimeOffset now) =>
        AuditLog.AppendAsync(transaction, new AuditEvent(now, actor, "risk.denied", "proposal", requestId, requestId, null, new { denial }));

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
