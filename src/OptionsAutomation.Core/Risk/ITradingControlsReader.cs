namespace OptionsAutomation.Core.Risk;

/// <summary>Reads the stored trading state and circuit breaker (changes go through <see cref="ITradingControls"/>).</summary>
public interface ITradingControlsReader
{
    Task<TradingControls> GetAsync(CancellationToken cancellationToken);
}
