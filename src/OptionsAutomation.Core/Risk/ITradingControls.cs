namespace OptionsAutomation.Core.Risk;

/// <summary>
/// Persistence port for the trading state and the circuit breaker. Every change is one transaction with
/// its audit event and an alert.
/// </summary>
public interface ITradingControls
{
    Task<TradingControls> GetAsync(CancellationToken cancellationToken);

    Task<TradingControls> SetStateAsync(TradingState state, string? reason, string by, DateTimeOffset now, CancellationToken cancellationToken);

    /// <exception cref="BreakerResetRefusedException">when it is not tripped or still cooling down.</exception>
    Task<TradingControls> ResetBreakerAsync(string by, DateTimeOffset now, CancellationToken cancellationToken);
}
