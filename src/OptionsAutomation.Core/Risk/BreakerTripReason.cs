namespace OptionsAutomation.Core.Risk;

/// <summary>What tripped the circuit breaker.</summary>
public enum BreakerTripReason
{
    /// <summary>Risk:MaxConsecutiveLosses losing closes in a row.</summary>
    ConsecutiveLosses,

    /// <summary>Risk:MaxConsecutiveErrors execution errors in a row.</summary>
    ConsecutiveErrors,
}
