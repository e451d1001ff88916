using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Tests.Support;
using static OptionsAutomation.Core.Tests.Risk.RiskFixtures;

namespace OptionsAutomation.Core.Tests.Risk;

public sealed class OpeningOrderTests
{
    [Fact]
    public void Notional_OfACsp_IsItsCollateral()
    {
        var order = Csp(strike: 580m, credit: 1.50m, contracts: 2);

        Assert.Equal(116_000m, order.Notional);
        Assert.Equal(1.50m, order.LimitPrice);
        Assert.Equal("SPY", order.Underlying);
    }

    [Fact]
    public void Notional_OfAVpc_IsItsMaxLoss()
    {
        Assert.Equal(2_400m, Vpc(shortStrike: 580m, longStrike: 575m, credit: 1.00m, contracts: 6).Notional);
    }

    [Fact]
    public void Notional_MatchesThePositionTermsTheOrderWouldOpen()
    {
        var rules = new ExitRuleSettings();
        var csp = Csp(strike: 580m, credit: 1.50m, contracts: 3);
        var vpc = Vpc(shortStrike: 580m, longStrike: 570m, credit: 2.10m, contracts: 4);

        Assert.Equal(PositionTerms.For(csp.Strategy, 3, rules).Collateral, csp.Notional);
        Assert.Equal(PositionTerms.For(vpc.Strategy, 4, rules).MaxLoss, vpc.Notional);
    }

    [Fact]
    public void Constructor_RefusesNonsense()
    {
        var strategy = CreditStrategy.Create(StrategyType.CashSecuredPut, "SPY", Expiration, 500m, null, 5m);

        Assert.Throws<ArgumentException>(() => new OpeningOrder(" ", strategy, 1, 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OpeningOrder("r", strategy, 0, 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OpeningOrder("r", strategy, 1, 0));
    }

    [Fact]
    public void RiskExposure_CspIsCollateral_VpcIsMaxLoss_ClosedPositionsDoNotCount()
    {
        var csp = PositionBuilder.Csp("SPY", 580m, 1.50m).WithId(1).Build();
        var vpc = PositionBuilder.Vpc("SPY", 580m, 575m, 1.50m).WithId(2).Build();
        var closed = PositionBuilder.Csp("QQQ", 400m, 2.00m).WithId(3).Build() with { Status = PositionStatus.Closed };

        Assert.Equal(58_000m, RiskExposure.Of(csp));
        Assert.Equal(350m, RiskExposure.Of(vpc));
        Assert.Equal(58_350m, RiskExposure.Total([csp, vpc, closed]));
    }
}
