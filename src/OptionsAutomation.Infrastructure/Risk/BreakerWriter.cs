using Dapper;
using Npgsql;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Audit;
using OptionsAutomation.Infrastructure.Outbox;
using OptionsAutomation.Infrastructure.Postgres;

namespace OptionsAutomation.Infrastructure.Risk;

/// <summary>
/// Feeds the circuit breaker inside the caller's transaction: every close, every broker error and every
/// fill, so the counters can never disagree with the trades that moved them. A trip is audited and alerted.
/// </summary>
internal static class BreakerWriter
{
    public static Task RecordCloseAsync(NpgsqlTransaction transaction, TradeOutcome outcome, DateTimeOffset at, RiskSettings settings) =>
        UpdateAsync(transaction, breaker => breaker.RecordClose(outcome, at, settings), at);

    /// <summary>Feeds what Core decided an order's outcome means (<see cref="Core.Orders.OrderLifecycle.FeedFor"/>); <c>None</c> writes nothing.</summary>
    public static Task FeedAsync(NpgsqlTransaction transaction, Core.Orders.BreakerFeed feed, DateTimeOffset at, RiskSettings settings) => feed switch
    {
        Core.Orders.BreakerFeed.Success => RecordExecutionSuccessAsync(transaction, at),
        Core.Orders.BreakerFeed.Error => RecordExecutionErrorAsync(transaction, at, settings),
        _ => Task.CompletedTask,
    };

    public static Task RecordExecutionErrorAsync(NpgsqlTransaction transaction, DateTimeOffset at, RiskSettings settings) =>
        UpdateAsync(transaction, breaker => breaker.RecordExecutionError(at, settings), at);

    public static Task RecordExecutionSuccessAsync(NpgsqlTransaction transaction, DateTimeOffset at) =>
        UpdateAsync(transaction, breaker => breaker.RecordExecutionSuccess(), at);

    public static async Task<TradingControls> LockAsync(NpgsqlTransaction transaction) =>
        (await transaction.Connection!.QuerySingleAsync<TradingControlsRow>(
            $"SELECT {TradingControlsRow.Columns} FROM trading_controls WHERE id = 1 FOR UPDATE", transaction: transaction).ConfigureAwait(false)).ToDomain();

    public static Task WriteBreakerAsync(NpgsqlTransaction transaction, CircuitBreaker breaker) =>
        transaction.Connection!.ExecuteAsync(
            """
            UPDATE trading_controls SET consecutive_losses = @ConsecutiveLosses, consecutive_errors = @ConsecutiveErrors,
                breaker_tripped_at = @TrippedAt, breaker_trip_reason = @TripReason, breaker_reset_by = @ResetBy, breaker_reset_at = @ResetAt
            WHERE id = 1
            """,
            new
            {
                breaker.ConsecutiveLosses,
                breaker.ConsecutiveErrors,
                TrippedAt = breaker.TrippedAt?.ToUniversalTime(),
                TripReason = breaker.TripReason?.ToCode(),
                breaker.ResetBy,
                ResetAt = breaker.ResetAt?.ToUniversalTime(),
            },
            transaction);

    private static async Task UpdateAsync(NpgsqlTransaction transaction, Func<CircuitBreaker, CircuitBreaker> change, DateTimeOffset at)
    {
        var before = (await LockAsync(transaction).ConfigureAwait(false)).Breaker;
        var after = change(before);
        if (after == before)
        {
            return;
        }

        await WriteBreakerAsync(transaction, after).ConfigureAwait(false);
        if (!before.IsTripped && after.IsTripped)
        {
            await AuditLog.AppendAsync(transaction, new AuditEvent(at, "risk-gate", "breaker.tripped", "trading_controls", "1", null, null, after)).ConfigureAwait(false);
            await OutboxWriter.EnqueueAsync(transaction, Alert.BreakerTripped(after, at), at).ConfigureAwait(false);
        }
    }
}
