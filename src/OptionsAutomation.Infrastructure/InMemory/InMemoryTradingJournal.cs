using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Trading.Journal;

namespace OptionsAutomation.Infrastructure.InMemory;

/// <summary>The trading journal of the in-memory book: each entry is one transaction of its rows (single-threaded).</summary>
internal sealed class InMemoryTradingJournal(BookState state, RiskSettings risk) : ITradingJournal
{
    public Task<ITradingEntry> BeginAsync(CancellationToken cancellationToken)
    {
        state.Begin();
        return Task.FromResult<ITradingEntry>(new InMemoryTradingEntry(state, risk));
    }
}
