using System.Text;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Audit;
using OptionsAutomation.Infrastructure.Json;
using OptionsAutomation.Infrastructure.Outbox;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>Proposals in <c>trade_requests</c>: creation and expiry here, the approval path in the Execution part.</summary>
public sealed partial class PostgresProposalStore(NpgsqlDataSource dataSource, ILogger<PostgresProposalStore> logger) : IProposalStore
{
    static PostgresProposalStore() => DapperConventions.Apply();

    public async Task<(TradeProposal Proposal, bool Created)> CreateAsync(TradeProposal proposal, string actor, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var inserted = await connection.QuerySingleOrDefaultAsync<ProposalRow>(new CommandDefinition(
            $"""
            INSERT INTO trade_requests (request_id, status, ticker, strategy_type, expiration, short_strike, long_strike, net_credit,
                quantity, max_loss, collateral, probability_of_profit, legs, risk_summary, proposed_at, expires_at, updated_at)
            VALUES (@RequestId, @Status, @Ticker, @StrategyType, @Expiration, @ShortStrike, @LongStrike, @NetCredit,
                @Quantity, @MaxLoss, @Collateral, @ProbabilityOfProfit, CAST(@Legs AS jsonb), CAST(@RiskSummary AS jsonb), @ProposedAt, @ExpiresAt, @UpdatedAt)
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
                ProposedAt = proposal.ProposedAt.ToUniversalTime(),
                ExpiresAt = proposal.ExpiresAt.ToUniversalTime(),
                UpdatedAt = proposal.UpdatedAt.ToUniversalTime(),
            },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (inserted is null)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            var existing = await FindAsync(proposal.RequestId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"proposal {proposal.RequestId} conflicted but is gone.");
            return (existing, false);
        }

        var created = inserted.ToDomain();
        await AuditLog.AppendAsync(transaction, new AuditEvent(created.UpdatedAt, actor, "proposal.created", "proposal", created.RequestId,
            created.RequestId, null, created)).ConfigureAwait(false);
        await OutboxWriter.EnqueueAsync(transaction, Alert.Proposed(created), created.UpdatedAt).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        LogProposed(created.RequestId, created.Ticker, created.StrategyType.ToCode(), created.Quantity, created.NetCredit);
        return (created, true);
    }

    public async Task<TradeProposal?> FindAsync(string requestId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<ProposalRow>(new CommandDefinition(
            $"SELECT {ProposalRow.Columns} FROM trade_requests WHERE request_id = @requestId", new { requestId },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToDomain();
    }

    public async Task<IReadOnlyList<TradeProposal>> ListAsync(ProposalStatus? status, int limit, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder($"SELECT {ProposalRow.Columns} FROM trade_requests");
        if (status is not null)
        {
            sql.Append(" WHERE status = @Status");
        }

        sql.Append(" ORDER BY proposed_at DESC, request_id LIMIT @limit");
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<ProposalRow>(new CommandDefinition(
            sql.ToString(), new { Status = status?.ToCode(), limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToDomain())];
    }

    public async Task AuditRiskDenialAsync(string requestId, string denial, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await AuditLog.AppendAsync(transaction, new AuditEvent(now, actor, "risk.denied", "proposal", requestId, requestId, null, new { denial })).ConfigureAwait(false);
        await OutboxWriter.EnqueueAsync(transaction, Alert.RiskDenied(requestId, denial), now).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Proposed {request_id}: {ticker} {strategy_type} x{quantity} at {net_credit}")]
    private partial void LogProposed(string request_id, string ticker, string strategy_type, int quantity, decimal net_credit);
}
