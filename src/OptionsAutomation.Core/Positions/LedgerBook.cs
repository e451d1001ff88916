using System.Collections.Immutable;

namespace OptionsAutomation.Core.Positions;

/// <summary>
/// Every instrument's ledger, each created by the instrument's first fill, with the fills that realized on it. Like a
/// ledger it changes only by applying a fill, and every change is a new value.
/// </summary>
/// <remarks>
/// A version shares all but the changed path of its <see cref="SlotTrie{T}"/> with the one before it (each symbol has a
/// slot for the whole family of versions, <see cref="SymbolSlots"/>), and each instrument's realizing fills live in a
/// <see cref="SharedRun{T}"/>, so a fill copies two 16-wide nodes for up to 256 instruments, never a list.
/// New versions point only at older parts, never the other way: a version the caller dropped is garbage at once, where
/// a structure whose old versions point at newer ones (Baker's persistent array) would let the garbage collector
/// promote every later version through a dead one (nepotism). <see cref="Instruments"/> builds its records, and sorts
/// them, on each read.
/// </remarks>
public sealed class LedgerBook
{
    private readonly SymbolSlots _symbols;
    private readonly SlotTrie<Entry> _instruments;

    private LedgerBook(RealizedPnlMethod method, SymbolSlots symbols, SlotTrie<Entry> instruments)
    {
        Method = method;
        _symbols = symbols;
        _instruments = instruments;
    }

    public RealizedPnlMethod Method { get; }

    /// <summary>In ordinal order of symbol.</summary>
    public IReadOnlyList<BookedInstrument> Instruments =>
    [
        .. _instruments.Items
            .OrderBy(e => e.Symbol, StringComparer.Ordinal)
            .Select(e => new BookedInstrument(e.Ledger, ImmutableList.Create(e.RealizingFills.ToArray()))),
    ];

    public static LedgerBook Empty(RealizedPnlMethod method) => new(method, new SymbolSlots(), SlotTrie<Entry>.Empty);

    /// <exception cref="PositionRuleException">when the instrument's ledger refuses the fill (see <see cref="InstrumentLedger.Apply"/>).</exception>
    public LedgerBook Apply(Fill fill)
    {
        var slot = _symbols.SlotOf(fill.Symbol);
        var booked = _instruments[slot] ?? new Entry(fill.Symbol, InstrumentLedger.Flat(fill.Symbol, fill.Multiplier, Method), default);
        var change = booked.Ledger.Apply(fill);
        var realizing = change.Realized is { } realized ? booked.RealizingFills.Append(realized) : booked.RealizingFills;
        return new LedgerBook(Method, _symbols, _instruments.SetItem(slot, new Entry(fill.Symbol, change.Ledger, realizing)));
    }

    /// <summary>A class, not a struct: every trie node a fill copies holds a reference instead of the whole entry. Keyed by the fill's symbol as given.</summary>
    private sealed record Entry(string Symbol, InstrumentLedger Ledger, SharedRun<RealizingFill> RealizingFills);
}
