namespace OptionsAutomation.Core.Risk;

/// <summary>
/// The trading state and the circuit breaker: read, and changed by a person or an automatic action. Every change is
/// decided in Core and written through the trading journal in one transaction with its audit event and its alert
/// (<see cref="Trading.TradingControlsService"/>).
/// </summary>
public interface ITradingControls
{
    Task<TradingControls> GetAsync(CancellationToken cancellationToken);

    Task<TradingControls> SetStateAsync(TradingState state, string? reason, string by, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Moves to <paramref name="state"/> only when it is more restrictive than the stored state, decided under the
    /// same row lock as the change, so an automatic action can never loosen a state someone else just set.
    /// </summary>
    /// <returns>The new controls, or null when the stored state was already as restrictive (nothing written).</returns>
    Task<TradingControls?> TightenStateAsync(TradingState state, string reason, string by, DateTimeOffset now, CancellationToken cancellationToken);

    /// <exception cref="BreakerResetRefusedException">when it is not tripped or still cooling down.</exception>
    Task<TradingControls> ResetBreakerAsync(string by, DateTimeOffset now, CancellationToken cancellationToken);
}
