using static OptionsAutomation.Core.Risk.RiskFormat;

namespace OptionsAutomation.Core.Risk;

/// <summary>Checks 8 and 9: the switches that stop opening whatever the order is.</summary>
internal static class SwitchChecks
{
    public static RiskDenial? CircuitBreaker(RiskSnapshot snapshot, RiskSettings settings)
    {
        var breaker = snapshot.Breaker;
        // Tripped is decided by the trip time alone; a stored state that lost its reason still denies.
        return breaker.TrippedAt is { } at
            ? RiskDenial.Of(RiskCheck.CircuitBreaker, RiskDenialCode.CircuitBreakerTripped,
                ("reason", breaker.TripReason is { } reason ? reason.ToCode() : "unknown"), ("tripped_at", Instant(at)),
                ("reset_allowed_at", Instant(breaker.ResetAllowedAt(settings)!.Value)))
            : null;
    }

    public static RiskDenial? TradingState(RiskSnapshot snapshot) => snapshot.TradingState switch
    {
        Risk.TradingState.Active => null,
        Risk.TradingState.Reducing => RiskDenial.Of(RiskCheck.TradingState, RiskDenialCode.TradingReducing, ("state", snapshot.TradingState.ToCode())),
        // HALTED and any value outside the enum: fail closed.
        _ => RiskDenial.Of(RiskCheck.TradingState, RiskDenialCode.TradingHalted, ("state", Enum.IsDefined(snapshot.TradingState) ? snapshot.TradingState.ToCode() : "unknown")),
    };
}
