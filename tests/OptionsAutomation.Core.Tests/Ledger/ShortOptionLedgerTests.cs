using OptionsAutomation.Core.Positions;
using static OptionsAutomation.Core.Tests.Support.TestFills;

namespace OptionsAutomation.Core.Tests.Ledger;

/// <summary>Selling to open: the README's SPY put, a short that loses, a put that expires worthless.</summary>
public sealed class ShortOptionLedgerTests
{
    // Sell 1 SPY 580 put @ 1.50 (receives 150), buy it back @ 0.75 (pays 75): (1.50 − 0.75) × 1 × 100 = +75.
    // 0.65 commission each way: fees 1.30, net 73.70.
    [Theory]
    [InlineData(RealizedPnlMethod.Fifo)]
    [InlineData(RealizedPnlMethod.AverageCost)]
    public void SellPutThenBuyBackAtHalf_Realizes75Gross_73_70Net(RealizedPnlMethod method)
    {
        var (open, _) = Replay(method, SellOption(Put580, 1, 1.50m, 0.65m));
        Assert.Equal(-1, open.Quantity);
        Assert.Equal(1.50m, open.AveragePrice);
        Assert.Equal(150m, open.CostBasis);

        var (closed, realized) = Replay(method, SellOption(Put580, 1, 1.50m, 0.65m), BuyOption(Put580, 1, 0.75m, 0.65m, minute: 1));

        Assert.Equal(75.00m, closed.RealizedPnl);
        Assert.Equal(1.30m, closed.Fees);
        Assert.Equal(73.70m, closed.NetRealizedPnl);
        Assert.True(closed.IsFlat);
        Assert.Equal([new RealizingFill(Start.AddMinutes(1), FillSide.Buy, 1, 0.75m, 0.65m, 75.00m)], realized);
    }

    // Bought back @ 3.50: (1.50 − 3.50) × 100 = −200, the README's stop example.
    [Fact]
    public void SellPutThenBuyBackHigher_RealizesTheLoss()
    {
        var (ledger, _) = Replay(RealizedPnlMethod.Fifo, SellOption(Put580, 1, 1.50m), BuyOption(Put580, 1, 3.50m));

        Assert.Equal(-200.00m, ledger.RealizedPnl);
    }

    // Expired worthless: closed at 0, the whole credit of 3 × 1.50 × 100 = 450 is kept.
    [Fact]
    public void ShortPutsClosedAtZero_KeepTheWholeCredit()
    {
        var (ledger, _) = Replay(RealizedPnlMethod.Fifo, SellOption(Put580, 3, 1.50m), BuyOption(Put580, 3, 0m));

        Assert.Equal(450m, ledger.RealizedPnl);
    }

    // Shorts sold @ 2.00 then @ 1.00, one covered @ 1.20. FIFO covers the 2.00 first: +80; average cost 1.50: +30.
    public static TheoryData<RealizedPnlMethod, decimal, decimal> CoverOne => new()
    {
        { RealizedPnlMethod.Fifo, 80m, 1.00m },
        { RealizedPnlMethod.AverageCost, 30m, 1.50m },
    };

    [Theory]
    [MemberData(nameof(CoverOne))]
    public void TwoShortsOneCovered_MethodPicksWhichCreditCloses(RealizedPnlMethod method, decimal realizedPnl, decimal averageLeft)
    {
        var (ledger, _) = Replay(method, SellOption(Put580, 1, 2.00m), SellOption(Put580, 1, 1.00m), BuyOption(Put580, 1, 1.20m));

        Assert.Equal(realizedPnl, ledger.RealizedPnl);
        Assert.Equal(-1, ledger.Quantity);
        Assert.Equal(averageLeft, ledger.AveragePrice);
    }
}
