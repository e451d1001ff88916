using OptionsAutomation.Core.Risk;

namespace OptionsAutomation.Infrastructure.InMemory;

/// <summary>The trading state and circuit breaker as the in-memory book holds them (changed through its journal).</summary>
internal sealed class InMemoryTradingControls(BookState state) : ITradingControlsReader
{
    public Task<TradingControls> GetAsync(CancellationToken cancellationToken) => Task.FromResult(state.Controls);
}
