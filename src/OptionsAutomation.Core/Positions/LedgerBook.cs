using System.Collections.Immutable;

namespace OptionsAutomation.Core.Positions;

/// <summary>
/// Every instrument's ledger, each created by the instrument's first fill, with the fills that realized on it. Like a
/// ledger it changes only by applying a fill, and every change is a new value.
/// </summary>
/// <remarks>
/// A replay applies a million fills, so a version is not a copy: the versions of one book share one mutable dictionary
/// (Baker's persistent array). The version that holds the dictionary sees it as it is; every other version holds the
/// one entry that differs from the next version towards it. Reading or applying to a version first "reroots" the
/// dictionary to it by undoing those differences, so working on the newest version costs a dictionary update, and going
/// back to an older one costs one step per fill applied since. The versions of a book share a lock, since rerooting
/// changes them all. <see cref="Instruments"/> builds its records (and their lists of realizing fills) on each read.
/// </remarks>
public sealed class LedgerBook
{
    private readonly Lock _gate;

    /// <summary>The dictionary when this version holds it, else the <see cref="Difference"/> to the next version.</summary>
    private object _state;

    private LedgerBook(RealizedPnlMethod method, Lock gate, object state)
    {
        Method = method;
        _gate = gate;
        _state = state;
    }

    public RealizedPnlMethod Method { get; }

    /// <summary>In ordinal order of symbol.</summary>
    public IReadOnlyList<BookedInstrument> Instruments
    {
        get
        {
            lock (_gate)
            {
                return [.. Reroot().Values
                    .OrderBy(e => e.Ledger.Symbol, StringComparer.Ordinal)
                    .Select(e => new BookedInstrument(e.Ledger, ImmutableList.Create(e.RealizingFills.ToArray())))];
            }
        }
    }

    public static LedgerBook Empty(RealizedPnlMethod method) =>
        new(method, new Lock(), new Dictionary<string, Entry>(StringComparer.Ordinal));

    /// <exception cref="PositionRuleException">when the instrument's ledger refuses the fill (see <see cref="InstrumentLedger.Apply"/>).</exception>
    public LedgerBook Apply(Fill fill)
    {
        lock (_gate)
        {
            var entries = Reroot();
            Entry? before = entries.TryGetValue(fill.Symbol, out var found) ? found : null;
            var booked = before ?? new Entry(InstrumentLedger.Flat(fill.Symbol, fill.Multiplier, Method), default);
            var change = booked.Ledger.Apply(fill);
            var realizing = change.Realized is { } realized ? booked.RealizingFills.Append(realized) : booked.RealizingFills;
            var next = new LedgerBook(Method, _gate, entries);
            entries[fill.Symbol] = new Entry(change.Ledger, realizing);
            _state = new Difference(fill.Symbol, before, next);
            return next;
        }
    }

    /// <summary>Makes this version hold the dictionary and returns it. Called under the lock.</summary>
    private Dictionary<string, Entry> Reroot()
    {
        if (_state is Dictionary<string, Entry> held)
        {
            return held;
        }

        var path = new Stack<LedgerBook>();
        var version = this;
        while (version._state is Difference difference)
        {
            path.Push(version);
            version = difference.Next;
        }

        var entries = (Dictionary<string, Entry>)version._state;
        while (path.TryPop(out var older))
        {
            var step = (Difference)older._state;
            Entry? now = entries.TryGetValue(step.Symbol, out var found) ? found : null;
            if (step.Before is { } before)
            {
                entries[step.Symbol] = before;
            }
            else
            {
                entries.Remove(step.Symbol);
            }

            version._state = new Difference(step.Symbol, now, older);
            older._state = entries;
            version = older;
        }

        return entries;
    }

    private readonly record struct Entry(InstrumentLedger Ledger, SharedRun<RealizingFill> RealizingFills);

    /// <summary>This version's entry for <see cref="Symbol"/> (none when it had no fill yet); all others are as in <see cref="Next"/>.</summary>
    private sealed record Difference(string Symbol, Entry? Before, LedgerBook Next);
}
