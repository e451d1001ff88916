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
}
