using OptionsAutomation.Core.Positions;
using static OptionsAutomation.Core.Tests.Support.TestFills;

namespace OptionsAutomation.Core.Tests.Ledger;

public sealed class LedgerBookTests
{
    [Fact]
    public void InterleavedInstruments_EachGetsItsOwnLedgerAndRealizingFills_InSymbolOrder()
    {
        Fill[] fills =
        [
            SellOption(Put580, 1, 1.50m, 0.65m),
            Buy(100, 10m, minute: 1),
            Sell(40, 11m, minute: 2),
            BuyOption(Put580, 1, 0.75m, 0.65m, minute: 3),
            Sell(60, 9m, minute: 4),
        ];

        var book = fills.Aggregate(LedgerBook.Empty(RealizedPnlMethod.Fifo), (b, f) => b.Apply(f));

        Assert.Equal([Shares, Put580], book.Instruments.Select(i => i.Ledger.Symbol));
        var (shares, put) = (book.Instruments[0], book.Instruments[1]);
        // 40 × (11 − 10) = 40, then 60 × (9 − 10) = −60.
        Assert.Equal([40m, -60m], shares.RealizingFills.Select(r => r.RealizedPnl));
        Assert.Equal(-20m, shares.Ledger.RealizedPnl);
        Assert.Equal(1, shares.Ledger.Multiplier);
        Assert.Equal([new RealizingFill(Start.AddMinutes(3), FillSide.Buy, 1, 0.75m, 0.65m, 75m)], put.RealizingFills);
        Assert.Equal((100, 1.30m), (put.Ledger.Multiplier, put.Ledger.Fees));
    }

    [Fact]
    public void Apply_LeavesTheEarlierBookAsItWas()
    {
        var empty = LedgerBook.Empty(RealizedPnlMethod.AverageCost);

        var one = empty.Apply(Buy(1, 10m));

        Assert.Empty(empty.Instruments);
        Assert.Equal(RealizedPnlMethod.AverageCost, one.Instruments.Single().Ledger.Method);
    }

    /// <summary>
    /// 300 instruments (the book's trie grows past its 256 slots of two levels to three) booked from two branches of one
    /// book: each branch sees only its own instruments, in symbol order, and a symbol the other branch added first is new to it.
    /// </summary>
    [Fact]
    public void ManyInstruments_TwoBranchesOfOneBook_EachKeepItsOwn()
    {
        var symbols = Enumerable.Range(0, 300).Select(i => $"SPY   260320P00{i:000}000").ToArray();
        var root = LedgerBook.Empty(RealizedPnlMethod.Fifo).Apply(BuyOption(symbols[0], 1, 1m));
        var left = root;
        var right = root;
        for (var i = 1; i < symbols.Length; i++)
        {
            left = left.Apply(BuyOption(symbols[i], i, 1m, minute: i));
            right = i % 2 == 0 ? right.Apply(SellOption(symbols[i], 1, 2m, minute: i)) : right;
        }

        Assert.Equal(symbols, left.Instruments.Select(b => b.Ledger.Symbol));
        Assert.Equal([.. Enumerable.Range(1, 299)], left.Instruments.Skip(1).Select(b => b.Ledger.Quantity));
        Assert.Equal(symbols.Where((_, i) => i % 2 == 0), right.Instruments.Select(b => b.Ledger.Symbol));
        Assert.All(right.Instruments.Skip(1), b => Assert.Equal(-1, b.Ledger.Quantity));
        Assert.Equal([symbols[0]], root.Instruments.Select(b => b.Ledger.Symbol));
    }
}
