using System.Collections.Concurrent;

namespace OptionsAutomation.Core.Positions;

/// <summary>
/// A number per symbol, shared by every version of one <see cref="LedgerBook"/>: the first fill of a symbol in any
/// version gives it the next slot, and it keeps that slot in all versions. Only ever grows, and holds symbols and
/// numbers, never a version, so sharing it cannot keep a dropped version alive.
/// </summary>
internal sealed class SymbolSlots
{
    private readonly ConcurrentDictionary<string, int> _slots = new(StringComparer.Ordinal);
    private int _count;

    /// <remarks>Two threads adding one symbol at once may burn a number; a slot never used is only a hole.</remarks>
    public int SlotOf(string symbol) =>
        _slots.TryGetValue(symbol, out var slot)
            ? slot
            : _slots.GetOrAdd(symbol, static (_, owner) => Interlocked.Increment(ref owner._count) - 1, this);
}
