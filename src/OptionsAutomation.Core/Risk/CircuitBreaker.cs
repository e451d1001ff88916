using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Risk;

/// <summary>
/// The circuit breaker as a value: each event returns the next state, which the caller stores and hands
/// back in the next <see cref="RiskSnapshot"/>. It trips on Risk:MaxConsecutiveLosses losing closes or
/// Risk:MaxConsecutiveErrors execution errors in a row, and then stays tripped until a person resets it;
/// time alone never closes it. Risk:CircuitBreakerCooldownMinutes only says how soon that reset may come.
/// </summary>
public sealed record CircuitBreaker
{
    /// <summary>Not tripped, no losses or errors counted.</summary>
    public static CircuitBreaker Closed { get; } = new();

    public int ConsecutiveLosses { get; init; }

    public int ConsecutiveErrors { get; init; }

    /// <summary>When it tripped; null while closed. A later streak while tripped keeps the first trip time.</summary>
    public DateTimeOffset? TrippedAt { get; init; }

    public BreakerTripReason? TripReason { get; init; }

    /// <summary>Who last reset it (for the audit trail), and when.</summary>
    public string? ResetBy { get; init; }

    public DateTimeOffset? ResetAt { get; init; }

    public bool IsTripped => TrippedAt is not null;

    /// <summary>A losing close extends the streak; a win ends it (a break-even close is a LOSS, as in trade_history).</summary>
    public CircuitBreaker RecordClose(TradeOutcome outcome, DateTimeOffset at, RiskSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (outcome == TradeOutcome.Win)
        {
            return this with { ConsecutiveLosses = 0 };
        }

        var losses = ConsecutiveLosses + 1;
        return TripIf(losses >= settings.MaxConsecutiveLosses, BreakerTripReason.ConsecutiveLosses, at) with { ConsecutiveLosses = losses };
    }

    public CircuitBreaker RecordExecutionError(DateTimeOffset at, RiskSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = ConsecutiveErrors + 1;
        return TripIf(errors >= settings.MaxConsecutiveErrors, BreakerTripReason.ConsecutiveErrors, at) with { ConsecutiveErrors = errors };
    }

    /// <summary>An order reached the broker and got an answer: the error streak ends (a trip does not).</summary>
    public CircuitBreaker RecordExecutionSuccess() => this with { ConsecutiveErrors = 0 };

    /// <summary>The earliest instant a person may reset a tripped breaker; null when it is not tripped.</summary>
    public DateTimeOffset? ResetAllowedAt(RiskSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return TrippedAt?.AddMinutes(settings.CircuitBreakerCooldownMinutes);
    }

    public bool CanReset(DateTimeOffset now, RiskSettings settings) =>
        ResetAllowedAt(settings) is not { } allowed || now >= allowed;

    /// <summary>The manual reset: clears the trip and both streaks and records who did it.</summary>
    /// <exception cref="BreakerResetRefusedException">during the cooldown; the message says until when.</exception>
    public CircuitBreaker Reset(string by, DateTimeOffset now, RiskSettings settings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (!CanReset(now, settings))
        {
            throw new BreakerResetRefusedException(
                $"the circuit breaker tripped at {RiskFormat.Instant(TrippedAt!.Value)} is cooling down until " +
                $"{RiskFormat.Instant(ResetAllowedAt(settings)!.Value)}; it cannot be reset before then.");
        }

        return Closed with { ResetBy = by, ResetAt = now };
    }

    private CircuitBreaker TripIf(bool trips, BreakerTripReason reason, DateTimeOffset at) =>
        trips && !IsTripped ? this with { TrippedAt = at, TripReason = reason } : this;
}
