using BenchmarkDotNet.Attributes;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Benchmarks.Positions;

/// <summary>
/// A replay of one million seeded fills (what <c>optauto ledger replay</c> does with a file): <see cref="LedgerBook.Apply"/>,
/// a new immutable book per fill, FIFO, against a plain mutable FIFO (<see cref="PlainFifo"/>) in the same run. Figures
/// are per fill (<c>OperationsPerInvoke</c>), so 200 ns is 5M fills/s, issue 15's goal. A call is a whole replay (about
/// a second), so the job is short: three warm-ups and nine measured calls, one launch.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 9)]
public class FillsLedgerBenchmarks
{
    private const int Fills = 1_000_000;
    private const int Symbols = 100;

    private Fill[] _fills = [];

    /// <summary>
    /// Seeded fills over 100 put symbols, one a second: 1–10 contracts at $0.50–$20.00, $0.65 a contract. Buys and
    /// sells are equally likely, so positions open, grow, close and flip; the book and the floor must agree on every
    /// symbol's quantity, realized P&amp;L and fees before either is timed.
    /// </summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(15);
        var start = new DateTimeOffset(2026, 1, 2, 14, 30, 0, TimeSpan.Zero);
        var symbols = Enumerable.Range(0, Symbols).Select(i => $"SPY   260320P00{500 + i:000}000").ToArray();
        _fills = new Fill[Fills];
        for (var i = 0; i < Fills; i++)
        {
            var quantity = random.Next(1, 11);
            var side = random.Next(2) == 0 ? FillSide.Buy : FillSide.Sell;
            var price = random.Next(50, 2001) / 100m;
            _fills[i] = new Fill(start.AddSeconds(i), symbols[random.Next(Symbols)], side, quantity, price, 0.65m * quantity, 100);
        }

        var book = Book().Instruments.ToDictionary(b => b.Ledger.Symbol, b => b.Ledger, StringComparer.Ordinal);
        var plain = Plain().Instruments;
        foreach (var (symbol, floor) in plain)
        {
            var ledger = book[symbol];
            if ((ledger.Quantity, ledger.RealizedPnl, ledger.Fees) != (floor.Quantity, floor.RealizedPnl, floor.Fees))
            {
                throw new InvalidOperationException(
                    $"{symbol}: the book says {(ledger.Quantity, ledger.RealizedPnl, ledger.Fees)}, the plain FIFO {(floor.Quantity, floor.RealizedPnl, floor.Fees)}.");
            }
        }

        if (book.Count != plain.Count)
        {
            throw new InvalidOperationException($"the book has {book.Count} symbols, the plain FIFO {plain.Count}.");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Fills, Description = "plain mutable FIFO")]
    public int PlainFifoReplay() => Plain().Instruments.Count;

    [Benchmark(OperationsPerInvoke = Fills, Description = "LedgerBook.Apply")]
    public LedgerBook LedgerBookReplay() => Book();

    /// <summary>The immutable ledgers alone, each symbol's newest kept in a mutable dictionary: what the book adds is the difference.</summary>
    [Benchmark(OperationsPerInvoke = Fills, Description = "InstrumentLedger.Apply, no book")]
    public int LedgersReplay()
    {
        var ledgers = new Dictionary<string, InstrumentLedger>(StringComparer.Ordinal);
        foreach (var fill in _fills)
        {
            var ledger = ledgers.GetValueOrDefault(fill.Symbol) ?? InstrumentLedger.Flat(fill.Symbol, fill.Multiplier, RealizedPnlMethod.Fifo);
            ledgers[fill.Symbol] = ledger.Apply(fill).Ledger;
        }

        return ledgers.Count;
    }

    private LedgerBook Book()
    {
        var book = LedgerBook.Empty(RealizedPnlMethod.Fifo);
        foreach (var fill in _fills)
        {
            book = book.Apply(fill);
        }

        return book;
    }

    private PlainFifo Plain()
    {
        var plain = new PlainFifo();
        foreach (var fill in _fills)
        {
            plain.Apply(fill);
        }

        return plain;
    }
}
