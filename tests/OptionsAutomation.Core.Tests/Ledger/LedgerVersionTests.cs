using OptionsAutomation.Core.Positions;
using static OptionsAutomation.Core.Tests.Support.TestFills;

namespace OptionsAutomation.Core.Tests.Ledger;

/// <summary>
/// Versions share their lots and realizing fills (an append-only buffer), so applying a fill to an older version again
/// must leave every other version as it was: the second fill on the same version copies instead of writing over the first.
/// </summary>
public sealed class LedgerVersionTests
{
    [Fact]
    public void ApplyingToAnOlderLedgerAgain_LeavesTheNewerLedgerAndTheOlderOneAsTheyWere()
    {
        var first = InstrumentLedger.Flat(Shares, 1, RealizedPnlMethod.Fifo).Apply(Buy(100, 10m)).Ledger;
        var newer = first.Apply(Buy(50, 11m, minute: 1)).Ledger;
        var partlyClosed = newer.Apply(Sell(30, 12m, minute: 2)).Ledger;

        var branch = first.Apply(Buy(20, 9m, minute: 3)).Ledger;
        var branchClosed = first.Apply(Sell(40, 13m, minute: 4)).Ledger;

        Assert.Equal([new OpenLot(Start, 100, 10m)], first.OpenLots);
        Assert.Equal([new OpenLot(Start, 100, 10m), new OpenLot(Start.AddMinutes(1), 50, 11m)], newer.OpenLots);
        Assert.Equal([new OpenLot(Start, 70, 10m), new OpenLot(Start.AddMinutes(1), 50, 11m)], partlyClosed.OpenLots);
        Assert.Equal([new OpenLot(Start, 100, 10m), new OpenLot(Start.AddMinutes(3), 20, 9m)], branch.OpenLots);
        Assert.Equal([new OpenLot(Start, 60, 10m)], branchClosed.OpenLots);
        // 30 × (12 − 10) = 60 on one branch, 40 × (13 − 10) = 120 on the other.
        Assert.Equal((60m, 120m), (partlyClosed.RealizedPnl, branchClosed.RealizedPnl));
        // What stays open: 70 × 10 + 50 × 11, 100 × 10 + 20 × 9 and 60 × 10.
        Assert.Equal((1_250m, 1_180m, 600m), (partlyClosed.CostBasis, branch.CostBasis, branchClosed.CostBasis));
    }

    [Fact]
    public void ApplyingToAnOlderBookAgain_LeavesTheNewerBookAsItWas()
    {
        var opened = LedgerBook.Empty(RealizedPnlMethod.Fifo).Apply(Buy(100, 10m)).Apply(Sell(40, 11m, minute: 1));
        var newer = opened.Apply(Sell(60, 12m, minute: 2));
        var branch = opened.Apply(Sell(10, 8m, minute: 3));

        // 40 × (11 − 10) = 40, then 60 × (12 − 10) = 120 on one branch and 10 × (8 − 10) = −20 on the other.
        Assert.Equal([40m], opened.Instruments.Single().RealizingFills.Select(r => r.RealizedPnl));
        Assert.Equal([40m, 120m], newer.Instruments.Single().RealizingFills.Select(r => r.RealizedPnl));
        Assert.Equal([40m, -20m], branch.Instruments.Single().RealizingFills.Select(r => r.RealizedPnl));
        Assert.Equal((60, 0, 50), (opened.Instruments.Single().Ledger.Quantity, newer.Instruments.Single().Ledger.Quantity, branch.Instruments.Single().Ledger.Quantity));
    }
}
