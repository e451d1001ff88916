using System.Collections.Immutable;

namespace OptionsAutomation.Core.Positions;

/// <summary>
/// Every instrument's ledger, each created by the instrument's first fill, with the fills that realized on it. Like a
/// ledger it changes only by applying a fill, and every change is a new value.
/// </summary>
public sealed class LedgerBook
{
    private readonly ImmutableSortedDictionary<string, BookedInstrument> _instruments;

    private LedgerBook(RealizedPnlMethod method, ImmutableSortedDictionary<string, BookedInstrument> instruments)
    {
        Method = method;
        _instruments = instruments;
    }

    public RealizedPnlMethod Method { get; }

    /// <summary>In ordinal order of symbol.</summary>
    public IReadOnlyList<BookedInstrument> Instruments => [.. _instruments.Values];

    public static LedgerBook Empty(RealizedPnlMethod method) =>
        new(method, ImmutableSortedDictionary.Create<string, BookedInstrument>(StringComparer.Ordinal));

    /// <exception cref="PositionRuleException">when the instrument's ledger refuses the fill (see <see cref="InstrumentLedger.Apply"/>).</exception>
    public LedgerBook Apply(Fill fill)
    {
        var booked = _instruments.GetValueOrDefault(fill.Symbol)
            ?? new BookedInstrument(InstrumentLedger.Flat(fill.Symbol, fill.Multiplier, Method), []);
        var change = booked.Ledger.Apply(fill);
        var realizing = change.Realized is { } realized ? booked.RealizingFills.Add(realized) : booked.RealizingFills;
        return new LedgerBook(Method, _instruments.SetItem(fill.Symbol, new BookedInstrument(change.Ledger, realizing)));
    }
}
