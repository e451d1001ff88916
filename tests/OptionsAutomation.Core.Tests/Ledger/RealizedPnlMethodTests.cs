using OptionsAutomation.Core.Positions;
using static OptionsAutomation.Core.Tests.Support.TestFills;

namespace OptionsAutomation.Core.Tests.Ledger;

/// <summary>FIFO and average cost on worked examples, shares of SPY (multiplier 1).</summary>
public sealed class RealizedPnlMethodTests
{
    // Buy 100 @ 10, buy 100 @ 12, sell 150 @ 15.
    //   FIFO:    the 100 @ 10 close first, then 50 of the 100 @ 12: 100 × (15 − 10) + 50 × (15 − 12) = 500 + 150 = 650.
    //            Left open: 50 @ 12 (cost 600).
    //   Average: the average cost is (1000 + 1200) / 200 = 11: 150 × (15 − 11) = 600.
    //            Left open: 50 @ 11 (cost 2200 − 1650 = 550).
    private static readonly Fill[] BuyTwiceSellMost = [Buy(100, 10m), Buy(100, 12m, minute: 1), Sell(150, 15m, minute: 2)];

    [Fact]
    public void Fifo_BuyTwiceThenSellMost_Realizes650AndKeeps50At12()
    {
        var (ledger, realized) = Replay(RealizedPnlMethod.Fifo, BuyTwiceSellMost);

        Assert.Equal(650m, ledger.RealizedPnl);
        Assert.Equal(50, ledger.Quantity);
        Assert.Equal(12m, ledger.AveragePrice);
        Assert.Equal(600m, ledger.CostBasis);
        Assert.Equal([new OpenLot(Start.AddMinutes(1), 50, 12m)], ledger.OpenLots);
        Assert.Equal([new RealizingFill(Start.AddMinutes(2), FillSide.Sell, 150, 15m, 0m, 650m)], realized);
    }

    [Fact]
    public void AverageCost_BuyTwiceThenSellMost_Realizes600AndKeeps50At11()
    {
        var (ledger, realized) = Replay(RealizedPnlMethod.AverageCost, BuyTwiceSellMost);

        Assert.Equal(600m, ledger.RealizedPnl);
        Assert.Equal(50, ledger.Quantity);
        Assert.Equal(11m, ledger.AveragePrice);
        Assert.Equal(550m, ledger.CostBasis);
        // The lots still say which fill is open; the cost is the average.
        Assert.Equal([new OpenLot(Start.AddMinutes(1), 50, 12m)], ledger.OpenLots);
        Assert.Equal([new RealizingFill(Start.AddMinutes(2), FillSide.Sell, 150, 15m, 0m, 600m)], realized);
    }

    // Selling the last 50 @ 15 realizes 50 × (15 − 12) = 150 under FIFO and 50 × (15 − 11) = 200 under average cost:
    // both total 800 = 150 × 15 + 50 × 15 − (1000 + 1200), what the cash did.
    [Theory]
    [InlineData(RealizedPnlMethod.Fifo, 150)]
    [InlineData(RealizedPnlMethod.AverageCost, 200)]
    public void EitherMethod_OnceFlat_RealizesTheSame800(RealizedPnlMethod method, int lastClose)
    {
        var (ledger, realized) = Replay(method, [.. BuyTwiceSellMost, Sell(50, 15m, minute: 3)]);

        Assert.Equal(800m, ledger.RealizedPnl);
        Assert.Equal(lastClose, realized[^1].RealizedPnl);
        Assert.True(ledger.IsFlat);
        Assert.Null(ledger.AveragePrice);
        Assert.Equal(0m, ledger.CostBasis);
        Assert.Empty(ledger.OpenLots);
    }

    // Average cost of 10, 10 and 11 is 31 / 3 = 10.333…: selling one @ 12 takes 10.33 of the cost (to the cent) and
    // realizes 1.67; the remaining cost is 20.67, so selling the other two @ 12 realizes 24 − 20.67 = 3.33. Total 5.00,
    // exactly FIFO's 3 × 12 − 31: the rounding rides with the open quantity and comes back on its close.
    [Fact]
    public void AverageCost_ThirdsOfACent_RoundTheCloseAndComeBackWhenFlat()
    {
        var (ledger, realized) = Replay(
            RealizedPnlMethod.AverageCost,
            Buy(1, 10m), Buy(1, 10m), Buy(1, 11m), Sell(1, 12m), Sell(2, 12m));

        Assert.Equal([1.67m, 3.33m], realized.Select(r => r.RealizedPnl));
        Assert.Equal(5.00m, ledger.RealizedPnl);
    }

    [Fact]
    public void AverageCost_AfterAPartialClose_AverageOfTheRestIsUnchanged()
    {
        var (ledger, _) = Replay(RealizedPnlMethod.AverageCost, Buy(100, 10m), Buy(100, 12m), Sell(150, 15m), Buy(50, 14m));

        // 50 left at 11 (cost 550) plus 50 at 14 (700): 100 at 12.50.
        Assert.Equal(100, ledger.Quantity);
        Assert.Equal(1250m, ledger.CostBasis);
        Assert.Equal(12.50m, ledger.AveragePrice);
    }
}
