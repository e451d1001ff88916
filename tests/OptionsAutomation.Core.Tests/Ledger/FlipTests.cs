using OptionsAutomation.Core.Positions;
using static OptionsAutomation.Core.Tests.Support.TestFills;

namespace OptionsAutomation.Core.Tests.Ledger;

/// <summary>A fill larger than the position closes all of it and opens the rest on the other side.</summary>
public sealed class FlipTests
{
    // Long 100 @ 10 (fee 1.00); sell 150 @ 12 with fee 1.50.
    //   Close: 100 @ 12 realizes 100 × (12 − 10) = 200, fee 1.50 × 100/150 = 1.00.
    //   Open:  short 50 @ 12, fee 1.50 × 50/150 = 0.50.
    // Fees 1.00 + 1.50 = 2.50; net 197.50.
    [Theory]
    [InlineData(RealizedPnlMethod.Fifo)]
    [InlineData(RealizedPnlMethod.AverageCost)]
    public void LongHundredSellHundredFifty_ClosesHundredAndOpensShortFifty(RealizedPnlMethod method)
    {
        var (ledger, realized) = Replay(method, Buy(100, 10m, 1.00m), Sell(150, 12m, 1.50m, minute: 1));

        Assert.Equal([new RealizingFill(Start.AddMinutes(1), FillSide.Sell, 100, 12m, 1.00m, 200m)], realized);
        Assert.Equal(-50, ledger.Quantity);
        Assert.Equal(12m, ledger.AveragePrice);
        Assert.Equal(600m, ledger.CostBasis);
        Assert.Equal([new OpenLot(Start.AddMinutes(1), 50, 12m)], ledger.OpenLots);
        Assert.Equal(200m, ledger.RealizedPnl);
        Assert.Equal(2.50m, ledger.Fees);
        Assert.Equal(197.50m, ledger.NetRealizedPnl);
    }

    [Fact]
    public void Flip_EqualsTheCloseThenTheOpen()
    {
        var (flipped, flipRealized) = Replay(RealizedPnlMethod.Fifo, Buy(100, 10m, 1.00m), Sell(150, 12m, 1.50m));
        var (stepwise, stepRealized) = Replay(RealizedPnlMethod.Fifo, Buy(100, 10m, 1.00m), Sell(100, 12m, 1.00m), Sell(50, 12m, 0.50m));

        Assert.Equal(stepwise, flipped);
        Assert.Equal(stepRealized, flipRealized);
    }

    // The short 50 @ 12 left by the flip covers @ 11: 50 × (12 − 11) = +50.
    [Fact]
    public void AfterAFlip_CoveringTheShortRealizesAgainstTheFlipPrice()
    {
        var (ledger, realized) = Replay(RealizedPnlMethod.Fifo, Buy(100, 10m), Sell(150, 12m), Buy(50, 11m));

        Assert.Equal([200m, 50m], realized.Select(r => r.RealizedPnl));
        Assert.True(ledger.IsFlat);
        Assert.Equal(250m, ledger.RealizedPnl);
    }

    // A short flipped long: short 2 puts @ 1.50, buy 5 @ 1.00 (fee 3.25, 0.65 a contract).
    // Close 2: (1.50 − 1.00) × 2 × 100 = 100, fee 3.25 × 2/5 = 1.30; open long 3 @ 1.00, fee 1.95.
    [Fact]
    public void ShortFlippedLong_ClosesTheShortAndOpensTheRestLong()
    {
        var (ledger, realized) = Replay(RealizedPnlMethod.Fifo, SellOption(Put580, 2, 1.50m), BuyOption(Put580, 5, 1.00m, 3.25m));

        Assert.Equal([new RealizingFill(Start, FillSide.Buy, 2, 1.00m, 1.30m, 100m)], realized);
        Assert.Equal(3, ledger.Quantity);
        Assert.Equal(1.00m, ledger.AveragePrice);
        Assert.Equal(3.25m, ledger.Fees);
    }

    // 1.00 over 150: the closing 100 get 0.666… → 0.67 (to the cent), the opening 50 the remaining 0.33.
    [Fact]
    public void Split_FeeThatDoesNotDivide_RoundsTheFirstPartAndGivesTheRestTheRemainder()
    {
        var (first, remainder) = Sell(150, 12m, 1.00m).Split(100);

        Assert.Equal((100, 0.67m), (first.Quantity, first.Fee));
        Assert.Equal((50, 0.33m), (remainder.Quantity, remainder.Fee));
        Assert.Equal((12m, FillSide.Sell, Start), (remainder.Price, remainder.Side, remainder.Time));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(150)]
    public void Split_WithNothingOnOneSide_Throws(int quantity)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Sell(150, 12m).Split(quantity));
    }
}
