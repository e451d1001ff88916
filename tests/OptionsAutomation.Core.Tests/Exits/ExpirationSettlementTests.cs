using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Tests.Support;

namespace OptionsAutomation.Core.Tests.Exits;

public sealed class ExpirationSettlementTests
{
    private static readonly DateTimeOffset Close = new(2026, 3, 20, 20, 0, 0, TimeSpan.Zero);

    [Fact]
    public void For_OutOfTheMoneyCsp_Expires()
    {
        var settlement = ExpirationSettlement.For(PositionBuilder.Csp("SPY", 580m, 1.50m).Build(), 580.00m, Close);

        Assert.Equal(new ExpirationSettlement(ExitReason.Expired, 0m, null), settlement);
    }

    [Fact]
    public void For_CspOneCentInTheMoney_IsAssignedWithSharesAtTheCloseAndTheTaxBasis()
    {
        var put = PositionBuilder.Csp("SPY", 580m, 1.50m).WithQuantity(3).WithId(7).WithRequestId("r7").Build();

        var settlement = ExpirationSettlement.For(put, 579.99m, Close);

        Assert.Equal(ExitReason.Assigned, settlement.Reason);
        Assert.Equal(0.01m, settlement.ExitPrice);
        Assert.Equal(new AssignedShares("r7:assigned", "SPY", 300, 579.99m, 578.50m, 7, Close), settlement.Shares);
    }

    [Fact]
    public void For_CspLessThanOneCentInTheMoney_Expires()
    {
        Assert.Equal(ExitReason.Expired, ExpirationSettlement.For(PositionBuilder.Csp("SPY", 580m, 1.50m).Build(), 579.995m, Close).Reason);
    }

    [Theory]
    [InlineData(578, 2)]
    [InlineData(575, 5)]
    [InlineData(560, 5)]
    public void For_InTheMoneyVpc_SettlesAtIntrinsicCappedAtTheWidth(int close, int exitPrice)
    {
        var settlement = ExpirationSettlement.For(PositionBuilder.Vpc("SPY", 580m, 575m, 1.20m).Build(), close, Close);

        Assert.Equal(new ExpirationSettlement(ExitReason.Assigned, exitPrice, null), settlement);
    }

    [Fact]
    public void For_InTheMoneyIndexCsp_SettlesInCashWithoutShares()
    {
        var settlement = ExpirationSettlement.For(PositionBuilder.Csp("SPX", 2775m, 28.15m).Build(), 2750.50m, Close);

        Assert.Equal(new ExpirationSettlement(ExitReason.Assigned, 24.50m, null), settlement);
    }
}
