namespace OptionsAutomation.Core.Risk;

/// <summary>The stored switches of the gate: the trading state (with who set it and why) and the circuit breaker.</summary>
public sealed record TradingControls(TradingState State, string? Reason, DateTimeOffset? ChangedAt, string? ChangedBy, CircuitBreaker Breaker);
