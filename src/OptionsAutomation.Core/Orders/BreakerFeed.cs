namespace OptionsAutomation.Core.Orders;

/// <summary>What an order's outcome tells the circuit breaker.</summary>
public enum BreakerFeed
{
    /// <summary>Nothing: the market did not come to our limit and what was left was cancelled. An outcome, not an error.</summary>
    None,

    /// <summary>Something filled: the execution path works (resets the error count).</summary>
    Success,

    /// <summary>The broker refused the order or we do not know what happened: counts towards <c>MaxConsecutiveErrors</c>.</summary>
    Error,
}
