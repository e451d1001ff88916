using OptionsAutomation.Core.Risk;

namespace OptionsAutomation.Core.Trading.Journal;

/// <summary>What a change of the trading state or a breaker reset means: the events the controls use case commits.</summary>
public static class ControlsBooking
{
    /// <summary>The state moves (audited) and people are told who moved it and why.</summary>
    public static IReadOnlyList<TradingEvent> StateChanged(TradingState from, TradingState to, string? reason, string by, DateTimeOffset now) =>
    [
        new TradingStateChanged(from, to, reason, by),
        new AlertRaised(Alert.TradingStateChanged(from, to, by, reason, now)),
    ];

    /// <summary>
    /// An automatic move to <paramref name="to"/> only when it is more restrictive than <paramref name="from"/> (the
    /// states are declared from least to most restrictive); null when it would loosen or keep the stored state.
    /// </summary>
    public static IReadOnlyList<TradingEvent>? Tightened(TradingState from, TradingState to, string reason, string by, DateTimeOffset now) =>
        from < to ? StateChanged(from, to, reason, by, now) : null;

    /// <summary>A person resets the tripped breaker (after its cooldown): stored, audited, alerted.</summary>
    /// <exception cref="BreakerResetRefusedException">when it is not tripped or still cooling down.</exception>
    public static (CircuitBreaker Reset, IReadOnlyList<TradingEvent> Events) ResetBreaker(CircuitBreaker before, string by, DateTimeOffset now, RiskSettings settings)
    {
        if (!before.IsTripped)
        {
            throw new BreakerResetRefusedException("the circuit breaker is not tripped; there is nothing to reset.");
        }

        var reset = before.Reset(by, now, settings);
        return (reset, [new BreakerReset(before, reset, by), new AlertRaised(Alert.BreakerReset(by, now))]);
    }
}
