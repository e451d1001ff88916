using Dapper;
using Npgsql;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Trading.Journal;
using OptionsAutomation.Infrastructure.Audit;

namespace OptionsAutomation.Infrastructure.Risk;

/// <summary>
/// The <c>trading_controls</c> row inside the caller's transaction: the trading state and the circuit breaker, each
/// change with its audit event. Every close, broker error and fill feeds the breaker in the transaction that books it,
/// so the counters can never disagree with the trades that moved them.
/// </summary>
internal static class TradingControlsWriter
{
    public static async Task<TradingControls> LockAsync(NpgsqlTransaction transaction) =>
        (await transaction.Connection!.QuerySingleAsync<TradingControlsRow>(
            $"SELECT {TradingControlsRow.Columns} FROM trading_controls WHERE id = 1 FOR UPDATE", transaction: transaction).ConfigureAwait(false)).ToDomain();

    /// <summary>
    /// Locks the breaker, stores what <paramref name="decide"/> (Core's <see cref="BreakerBooking"/>) makes of it, and
    /// returns the events that decision adds (a trip and its alert) for the journal to write next.
    /// </summary>
    public static async Task<IReadOnlyList<TradingEvent>> FeedAsync(
        NpgsqlTransaction transaction, Func<CircuitBreaker, (CircuitBreaker After, IReadOnlyList<TradingEvent> Events)> decide)
    {
        var before = (await LockAsync(transaction).ConfigureAwait(false)).Breaker;
        var (after, events) = decide(before);
        if (after != before)
        {
            await WriteBreakerAsync(transaction, after).ConfigureAwait(false);
        }

        return events;
    }

    public static Task TrippedAsync(NpgsqlTransaction transaction, BreakerTripped tripped) =>
        AuditLog.AppendAsync(transaction, new AuditEvent(tripped.At, "risk-gate", "breaker.tripped", "trading_controls", "1", null, null, tripped.Tripped));

    public static async Task ResetAsync(NpgsqlTransaction transaction, BreakerReset reset, DateTimeOffset now)
    {
        await WriteBreakerAsync(transaction, reset.After).ConfigureAwait(false);
        await AuditLog.AppendAsync(transaction, new AuditEvent(now, reset.By, "breaker.reset", "trading_controls", "1", null, null,
            new { before = reset.Before, after = reset.After })).ConfigureAwait(false);
    }

    public static async Task StateChangedAsync(NpgsqlTransaction transaction, TradingStateChanged changed, DateTimeOffset now)
    {
        await transaction.Connection!.ExecuteAsync(
            "UPDATE trading_controls SET trading_state = @State, state_reason = @Reason, state_changed_at = @Now, state_changed_by = @By WHERE id = 1",
            new { State = changed.To.ToCode(), changed.Reason, Now = now.ToUniversalTime(), changed.By }, transaction).ConfigureAwait(false);
        await AuditLog.AppendAsync(transaction, new AuditEvent(now, changed.By, "trading.state_changed", "trading_controls", "1", null, null,
            new { from = changed.From, to = changed.To, reason = changed.Reason })).ConfigureAwait(false);
    }

    private static Task WriteBreakerAsync(NpgsqlTransaction transaction, CircuitBreaker breaker) =>
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
}
