namespace OptionsAutomation.Infrastructure.MarketData.Synthetic;

/// <summary>
/// A bounded, lock-free memo of a pure function of a counter (a minute, a day): <paramref name="slots"/> entries, the
/// counter's slot being counter mod slots, each holding the last counter computed there. A hit is one array read; a miss
/// computes and replaces the slot. Threads racing on a slot at worst compute the same value twice: every value is a
/// function of its counter alone, so whichever write lands last is right, and a reader sees a whole entry or another.
/// </summary>
internal sealed class RecentValues<TValue>(int slots)
{
    private readonly Entry?[] _entries = new Entry?[slots];

    public TValue GetOrAdd<TState>(long counter, TState state, Func<TState, long, TValue> compute)
    {
        var slot = (int)(((counter % _entries.Length) + _entries.Length) % _entries.Length);
        var entry = Volatile.Read(ref _entries[slot]);
        if (entry is null || entry.Counter != counter)
        {
            entry = new Entry(counter, compute(state, counter));
            Volatile.Write(ref _entries[slot], entry);
        }

        return entry.Value;
    }

    private sealed record Entry(long Counter, TValue Value);
}
