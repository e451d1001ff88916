using OptionsAutomation.Core.Positions;
using static OptionsAutomation.Core.Tests.Support.TestFills;

namespace OptionsAutomation.Core.Tests.Ledger;

/// <summary>Fees are kept beside the gross P&amp;L and never move it.</summary>
public sealed class FeeTests
{
    // Buy 100 @ 10 (fee 1.00), buy 100 @ 12 (fee 1.00), sell 150 @ 15 (fee 1.50): gross 650 (FIFO) with or without fees;
    // fees 3.50 include the opening fees of the 50 still open; net 646.50.
    [Fact]
    public void SameFillsWithAndWithoutFees_SameGrossAndAverage_NetIsGrossLessEveryFee()
    {
        var (withFees, withFeesRealized) = Replay(RealizedPnlMethod.Fifo, Buy(100, 10m, 1.00m), Buy(100, 12m, 1.00m), Sell(150, 15m, 1.50m));
        var (withoutFees, withoutFeesRealized) = Replay(RealizedPnlMethod.Fifo, Buy(100, 10m), Buy(100, 12m), Sell(150, 15m));

        Assert.Equal(650m, withFees.RealizedPnl);
        Assert.Equal(withoutFees.RealizedPnl, withFees.RealizedPnl);
        Assert.Equal(withoutFees.AveragePrice, withFees.AveragePrice);
        Assert.Equal(withoutFeesRealized[0].RealizedPnl, withFeesRealized[0].RealizedPnl);
        Assert.Equal(3.50m, withFees.Fees);
        Assert.Equal(646.50m, withFees.NetRealizedPnl);
        Assert.Equal(0m, withoutFees.Fees);
    }

    [Fact]
    public void OpeningFillOnly_NetRealizedIsMinusItsFee()
    {
        var (ledger, _) = Replay(RealizedPnlMethod.Fifo, SellOption(Put580, 1, 1.50m, 0.65m));

        Assert.Equal(0m, ledger.RealizedPnl);
        Assert.Equal(-0.65m, ledger.NetRealizedPnl);
    }
}
