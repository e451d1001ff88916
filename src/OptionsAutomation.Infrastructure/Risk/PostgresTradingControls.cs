using Dapper;
using Npgsql;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Audit;
using OptionsAutomation.Infrastructure.Outbox;
using OptionsAutomation.Infrastructure.Postgres;

namespace OptionsAutomation.Infrastructure.Risk;

/// <summary>The trading state and the circuit breaker in <c>trading_controls</c>.</summary>
public sealed class PostgresTradingControls(NpgsqlDataSource dataSource, RiskSettings settings) : ITradingControls
{
    static PostgresTradingControls() => DapperConventions.Apply();

    public async Task<TradingControls> GetAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleAsync<TradingControlsRow>(new CommandDefinition(
            $"SELECT {TradingControlsRow.Columns} FROM trading_controls WHERE id = 1", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row.ToDomain();
    }

    public async Task<TradingControls> SetStateAsync(TradingState state, string? reason, string by, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await ChangeStateAsync(state, reason, by, now, _ => true, cancellationToken).ConfigureAwait(false))!;

    // The enum is declared from least to most restrictive.
    public Task<TradingControls?> TightenStateAsync(TradingState state, string reason, string by, DateTimeOffset now, CancellationToken cancellationToken) =>
        ChangeStateAsync(state, reason, by, now, current => current < state, cancellationToken);

    private async Task<TradingControls?> ChangeStateAsync(
        TradingState state, string? reason, string by, DateTimeOffset now, Func<TradingState, bool> allowed, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var before = await BreakerWriter.LockAsync(transaction).ConfigureAwait(false);
        if (!allowed(before.State))
        {
            return null;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE trading_controls SET trading_state = @State, state_reason = @Reason, state_changed_at = @Now, state_changed_by = @By WHERE id = 1",
            new { State = state.ToCode(), Reason = reason, Now = now.ToUniversalTime(), By = by }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await AuditLog.AppendAsync(transaction, new AuditEvent(now, by, "trading.state_changed", "trading_controls", "1", null, null,
            new { from = before.State, to = state, reason })).ConfigureAwait(false);
        await OutboxWriter.EnqueueAsync(transaction, Alert.TradingStateChanged(before.State, state, by, reason, now), now).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return before with { State = state, Reason = reason, ChangedAt = now, ChangedBy = by };
    }

    public async Task<TradingControls> ResetBreakerAsync(string by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var before = await BreakerWriter.LockAsync(transaction).ConfigureAwait(false);
        if (!before.Breaker.IsTripped)
        {
            throw new BreakerResetRefusedException("the circuit breaker is not tripped; there is nothing to reset.");
        }

        var reset = before.Breaker.Reset(by, now, settings);
        await BreakerWriter.WriteBreakerAsync(transaction, reset).ConfigureAwait(false);
        await AuditLog.AppendAsync(transaction, new AuditEvent(now, by, "breaker.reset", "trading_controls", "1", null, null,
            new { before = before.Breaker, after = reset })).ConfigureAwait(false);
        await OutboxWriter.EnqueueAsync(transaction, Alert.BreakerReset(by, now), now).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return before with { Breaker = reset };
    }
}
