using OptionsAutomation.Core.Positions;
using static OptionsAutomation.Core.Tests.Support.TestFills;

namespace OptionsAutomation.Core.Tests.Ledger;

/// <summary>Marks: unrealized P&amp;L and the worst (MAE) and best (MFE) of it seen, in currency units, gross of fees.</summary>
public sealed class MarkExcursionTests
{
    // Long 100 @ 10 marked 9.50, 11.00, 10.20: unrealized −50, +100, +20. MAE −50, MFE +100; now +20.
    [Fact]
    public void LongShares_MarkedDownUpAndBack_KeepsWorstAndBest()
    {
        var (ledger, _) = Replay(RealizedPnlMethod.Fifo, Buy(100, 10m, 1.00m));

        var marked = ledger.Mark(9.50m).Mark(11.00m).Mark(10.20m);

        Assert.Equal(-50m, marked.Mae);
        Assert.Equal(100m, marked.Mfe);
        Assert.Equal(10.20m, marked.MarkPrice);
        Assert.Equal(20m, marked.UnrealizedPnl);
    }

    // Short put sold @ 1.50 marked 2.00 (−50), then 0.90 (+60).
    [Fact]
    public void ShortPut_MarkedAgainstThenFor_ExcursionsHaveTheShortsSign()
    {
        var (ledger, _) = Replay(RealizedPnlMethod.Fifo, SellOption(Put580, 1, 1.50m));

        var marked = ledger.Mark(2.00m).Mark(0.90m);

        Assert.Equal(-50m, marked.Mae);
        Assert.Equal(60m, marked.Mfe);
        Assert.Equal(60m, marked.UnrealizedPnl);
        Assert.Equal(-125m, marked.UnrealizedPnlAt(2.75m));
    }

    [Fact]
    public void OpenButNeverMarked_HasNoUnrealizedPnlNorExcursions()
    {
        var (ledger, _) = Replay(RealizedPnlMethod.Fifo, Buy(100, 10m));

        Assert.Null(ledger.UnrealizedPnl);
        Assert.Null(ledger.Mae);
        Assert.Null(ledger.Mfe);
    }

    // Marked at 9 (MAE −100) then closed: the next position starts with no mark and its own excursions.
    [Fact]
    public void ClosingToFlat_EndsThePositionsMarkAndExcursions()
    {
        var (opened, _) = Replay(RealizedPnlMethod.Fifo, Buy(100, 10m));
        var closed = opened.Mark(9m).Apply(Sell(100, 10m)).Ledger;

        Assert.Equal((null, null, null), (closed.MarkPrice, closed.Mae, closed.Mfe));
        Assert.Equal(0m, closed.UnrealizedPnl);

        var reopened = closed.Apply(Buy(10, 20m)).Ledger.Mark(21m);
        Assert.Equal((10m, 10m), (reopened.Mae, reopened.Mfe));
    }

    [Fact]
    public void MarkingAFlatLedger_ChangesNothing()
    {
        var flat = InstrumentLedger.Flat(Shares, 1, RealizedPnlMethod.Fifo);

        Assert.Same(flat, flat.Mark(10m));
    }

    [Fact]
    public void NegativeMark_IsRefused()
    {
        var (ledger, _) = Replay(RealizedPnlMethod.Fifo, Buy(100, 10m));

        var e = Assert.Throws<PositionRuleException>(() => ledger.Mark(-0.01m));

        Assert.Equal("mark price must not be negative, was -0.01.", e.Message);
    }
}
