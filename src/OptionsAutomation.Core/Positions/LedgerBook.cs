using System.Collections.Immutable;

namespace OptionsAutomation.Core.Positions;

/// <summary>
/// Every instrument's ledger, each created by the instrument's first fill, with the fills that realized on it. Like a
/// ledger it changes only by applying a fill, and every change is a new value.
/// </summary>
/// <remarks>
/// A version shares all but the changed path of its sorted dictionary with the one before it, and each instrument's
/// realizing fills live in a <see cref="SharedRun{T}"/>, so a fill adds a few tree nodes, never a copy of a list.
/// New versions point only at older parts, never the other way: a version the caller dropped is garbage at once, where
/// a structure whose old versions point at newer ones (Baker's persistent array) would let the garbage collector
/// promote every later version through a dead one (nepotism). <see cref="Instruments"/> builds its records on each read.
/// </remarks>
public sealed class LedgerBook
{
    private readonly ImmutableSortedDictionary<string, Entry> _instruments;

    private LedgerBook(RealizedPnlMethod method, ImmutableSortedDictionary<string, Entry> instruments)
    {
        Method = method;
        _instruments = instruments;
    }

    public RealizedPnlMethod Method { get; }

    /// <summary>In ordinal order of symbol.</summary>
    public IReadOnlyList<BookedInstrument> Instruments =>
        [.. _instruments.Values.Select(e => new BookedInstrument(e.Ledger, ImmutableList.Create(e.RealizingFills.ToArray())))];

    public static LedgerBook Empty(RealizedPnlMethod method) =>
        new(method, ImmutableSortedDictionary.Create<string, Entry>(StringComparer.Ordinal));

    /// <exception cref="PositionRuleException">when the instrument's ledger refuses the fill (see <see cref="InstrumentLedger.Apply"/>).</exception>
    public LedgerBook Apply(Fill fill)
    {
        var booked = _instruments.GetValueOrDefault(fill.Symbol)
            ?? new Entry(InstrumentLedger.Flat(fill.Symbol, fill.Multiplier, Method), default);
        var change = booked.Ledger.Apply(fill);
        var realizing = change.Realized is { } realized ? booked.RealizingFills.Append(realized) : booked.RealizingFills;
        return new LedgerBook(Method, _instruments.SetItem(fill.Symbol, new Entry(change.Ledger, realizing)));
    }

    /// <summary>A class, not a struct: every tree node a fill copies holds a reference instead of the whole entry.</summary>
    private sealed record Entry(InstrumentLedger Ledger, SharedRun<RealizingFill> RealizingFills);
}
