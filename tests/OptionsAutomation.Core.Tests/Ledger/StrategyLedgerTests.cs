using OptionsAutomation.Core.Positions;
using static OptionsAutomation.Core.Tests.Support.TestFills;

namespace OptionsAutomation.Core.Tests.Ledger;

/// <summary>A VPC as the sum of its two legs' ledgers.</summary>
public sealed class StrategyLedgerTests
{
    // SPY 580/575 VPC: sell the 580 put @ 2.10, buy the 575 put @ 0.60 (net credit 1.50), 0.65 a contract.
    private static readonly InstrumentLedger ShortLeg = Replay(RealizedPnlMethod.Fifo, SellOption(Put580, 1, 2.10m, 0.65m)).Ledger;
    private static readonly InstrumentLedger LongLeg = Replay(RealizedPnlMethod.Fifo, BuyOption(Put575, 1, 0.60m, 0.65m)).Ledger;

    // Marked 580P @ 1.20, 575P @ 0.40: short (2.10 − 1.20) × 100 = 90, long (0.40 − 0.60) × 100 = −20; 70 in all,
    // which is (credit 1.50 − net mark 0.80) × 100.
    [Fact]
    public void Unrealized_IsTheSumOfTheLegsAtTheirMarks()
    {
        var vpc = new StrategyLedger([ShortLeg.Mark(1.20m), LongLeg.Mark(0.40m)]);

        Assert.Equal(70m, vpc.UnrealizedPnl);
        Assert.Equal(0m, vpc.RealizedPnl);
        Assert.Equal(1.30m, vpc.Fees);
    }

    [Fact]
    public void Unrealized_WithAnOpenLegUnmarked_IsUnknown()
    {
        var vpc = new StrategyLedger([ShortLeg.Mark(1.20m), LongLeg]);

        Assert.Null(vpc.UnrealizedPnl);
    }

    // Closed: buy the 580P @ 1.00 (+110), sell the 575P @ 0.25 (−35): +75 = (1.50 − 0.75) × 100; fees 4 × 0.65 = 2.60.
    [Fact]
    public void Closed_RealizedIsTheSumOfTheLegs_NetLessAllFourFees()
    {
        var shortClosed = ShortLeg.Apply(BuyOption(Put580, 1, 1.00m, 0.65m, minute: 1)).Ledger;
        var longClosed = LongLeg.Apply(SellOption(Put575, 1, 0.25m, 0.65m, minute: 1)).Ledger;

        var vpc = new StrategyLedger([shortClosed, longClosed]);

        Assert.Equal((110m, -35m), (shortClosed.RealizedPnl, longClosed.RealizedPnl));
        Assert.Equal(75m, vpc.RealizedPnl);
        Assert.Equal(2.60m, vpc.Fees);
        Assert.Equal(72.40m, vpc.NetRealizedPnl);
        Assert.Equal(0m, vpc.UnrealizedPnl);
    }

    [Fact]
    public void SameLegTwice_OrNoLeg_IsRefused()
    {
        var twice = Assert.Throws<PositionRuleException>(() => new StrategyLedger([ShortLeg, ShortLeg]));
        var none = Assert.Throws<PositionRuleException>(() => new StrategyLedger([]));

        Assert.Equal("SPY   260320P00580000 is given 2 times; each leg is one instrument's ledger.", twice.Message);
        Assert.Equal("a strategy needs at least one leg.", none.Message);
    }
}
