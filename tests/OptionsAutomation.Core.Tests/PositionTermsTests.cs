using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Tests.Support;

namespace OptionsAutomation.Core.Tests;

public sealed class PositionTermsTests
{
    private static readonly ExitRuleSettings Defaults = new();

    private static CreditStrategy Csp(decimal strike, decimal credit, string ticker = "SPY") =>
        CreditStrategy.Create(StrategyType.CashSecuredPut, ticker, TestDates.Expiration, strike, null, credit);

    private static CreditStrategy Vpc(decimal shortStrike, decimal longStrike, decimal credit, string ticker = "SPY") =>
        CreditStrategy.Create(StrategyType.VerticalPutCredit, ticker, TestDates.Expiration, shortStrike, longStrike, credit);

    [Fact]
    public void For_CspWorkedExample_Target75Stop300()
    {
        var terms = PositionTerms.For(Csp(580m, 1.50m), 1, Defaults);

        Assert.Equal(150.00m, terms.MaxProfit);
        Assert.Equal(75.00m, terms.ProfitTarget);
        Assert.Equal(300.00m, terms.StopLoss);
        Assert.Equal(57_850.00m, terms.MaxLoss);
        Assert.Equal(58_000.00m, terms.Collateral);
        Assert.Empty(terms.Warnings);
    }

    public static TheoryData<decimal, decimal, int, decimal, decimal, decimal, decimal, decimal> CspCases => new()
    {
        // strike, credit, qty, maxProfit, target, stop, maxLoss, collateral
        { 580m, 1.50m, 1, 150m, 75m, 300m, 57_850m, 58_000m },
        { 580m, 1.50m, 2, 300m, 150m, 600m, 115_700m, 116_000m },
        { 450m, 2.35m, 2, 470m, 235m, 940m, 89_530m, 90_000m },
        { 42.5m, 0.85m, 3, 255m, 127.5m, 510m, 12_495m, 12_750m },
        { 100m, 0.05m, 10, 50m, 25m, 100m, 99_950m, 100_000m },
        { 17m, 0.1234m, 1, 12.34m, 6.17m, 24.68m, 1_687.66m, 1_700m },
    };

    [Theory]
    [MemberData(nameof(CspCases))]
    public void For_Csp_DerivesDollarTerms(
        decimal strike, decimal credit, int quantity,
        decimal maxProfit, decimal target, decimal stop, decimal maxLoss, decimal collateral)
    {
        var terms = PositionTerms.For(Csp(strike, credit), quantity, Defaults);

        Assert.Equal(maxProfit, terms.MaxProfit);
        Assert.Equal(target, terms.ProfitTarget);
        Assert.Equal(stop, terms.StopLoss);
        Assert.Equal(maxLoss, terms.MaxLoss);
        Assert.Equal(collateral, terms.Collateral);
        Assert.Empty(terms.Warnings);
    }

    public static TheoryData<decimal, decimal, decimal, int, decimal, decimal, decimal, decimal, decimal> VpcUncappedCases => new()
    {
        // short, long, credit, qty, maxProfit, target, stop, maxLoss, collateral
        { 580m, 575m, 1.50m, 1, 150m, 75m, 300m, 350m, 500m },
        { 580m, 575m, 1.50m, 4, 600m, 300m, 1_200m, 1_400m, 2_000m },
        { 200m, 190m, 1.25m, 3, 375m, 187.5m, 750m, 2_625m, 3_000m },
        { 50m, 47.5m, 0.30m, 2, 60m, 30m, 120m, 440m, 500m },
        // Exactly at max loss: 2 x 100 = 200 = (3 - 1) x 100, not above it, so not capped.
        { 100m, 97m, 1.00m, 1, 100m, 50m, 200m, 200m, 300m },
    };

    [Theory]
    [MemberData(nameof(VpcUncappedCases))]
    public void For_VpcWithSmallCredit_StopIsTwiceCredit_NoWarning(
        decimal shortStrike, decimal longStrike, decimal credit, int quantity,
        decimal maxProfit, decimal target, decimal stop, decimal maxLoss, decimal collateral)
    {
        var terms = PositionTerms.For(Vpc(shortStrike, longStrike, credit), quantity, Defaults);

        Assert.Equal(maxProfit, terms.MaxProfit);
        Assert.Equal(target, terms.ProfitTarget);
        Assert.Equal(stop, terms.StopLoss);
        Assert.Equal(maxLoss, terms.MaxLoss);
        Assert.Equal(collateral, terms.Collateral);
        Assert.Empty(terms.Warnings);
    }

    public static TheoryData<decimal, decimal, decimal, int, decimal, decimal, decimal> VpcCappedCases => new()
    {
        // short, long, credit, qty, maxProfit, uncapped stop, capped stop (= max loss)
        { 580m, 575m, 2.00m, 1, 200m, 400m, 300m },
        { 580m, 575m, 2.00m, 3, 600m, 1_200m, 900m },
        { 580m, 575m, 4.99m, 1, 499m, 998m, 1m },
        { 100m, 97m, 1.0001m, 1, 100.01m, 200.02m, 199.99m },
    };

    [Theory]
    [MemberData(nameof(VpcCappedCases))]
    public void For_VpcWithLargeCredit_StopCappedAtMaxLoss_WithOneWarning(
        decimal shortStrike, decimal longStrike, decimal credit, int quantity,
        decimal maxProfit, decimal uncappedStop, decimal cappedStop)
    {
        var terms = PositionTerms.For(Vpc(shortStrike, longStrike, credit), quantity, Defaults);

        Assert.Equal(maxProfit, terms.MaxProfit);
        Assert.Equal(cappedStop, terms.StopLoss);
        Assert.Equal(cappedStop, terms.MaxLoss);
        var warning = Assert.Single(terms.Warnings);
        Assert.Contains("stop_loss", warning, StringComparison.Ordinal);
        Assert.Contains(uncappedStop.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), warning, StringComparison.Ordinal);
        Assert.Contains(cappedStop.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), warning, StringComparison.Ordinal);
    }

    [Fact]
    public void For_VpcCapped_WarningNamesBothAmounts()
    {
        var terms = PositionTerms.For(Vpc(580m, 575m, 2.00m), 1, Defaults);

        var warning = Assert.Single(terms.Warnings);
        Assert.Contains("400.00", warning, StringComparison.Ordinal);
        Assert.Contains("300.00", warning, StringComparison.Ordinal);
        Assert.Contains("capped", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void For_CustomProfitTargetFraction_IsUsed()
    {
        var rules = new ExitRuleSettings { ProfitTargetFraction = 0.6m };

        Assert.Equal(90.00m, PositionTerms.For(Csp(580m, 1.50m), 1, rules).ProfitTarget);
        Assert.Equal(180.00m, PositionTerms.For(Vpc(580m, 575m, 1.50m), 2, rules).ProfitTarget);
    }

    [Fact]
    public void For_CustomCspStopMultiple_IsUsed()
    {
        var rules = new ExitRuleSettings { CspStopLossMultiple = 3.0m };

        var terms = PositionTerms.For(Csp(580m, 1.50m), 1, rules);

        Assert.Equal(450.00m, terms.StopLoss);
        Assert.Empty(terms.Warnings);
    }

    [Fact]
    public void For_CustomVpcStopMultiple_IsUsedAndStillCapped()
    {
        var oneAndHalf = new ExitRuleSettings { VpcStopLossMultiple = 1.5m };
        var uncapped = PositionTerms.For(Vpc(580m, 575m, 1.50m), 1, oneAndHalf);
        Assert.Equal(225.00m, uncapped.StopLoss);
        Assert.Empty(uncapped.Warnings);

        var triple = new ExitRuleSettings { VpcStopLossMultiple = 3.0m };
        var capped = PositionTerms.For(Vpc(580m, 575m, 1.50m), 1, triple);
        Assert.Equal(350.00m, capped.StopLoss);
        Assert.Single(capped.Warnings);
    }

    [Fact]
    public void For_CspStopMultipleIsNotAppliedToVpc()
    {
        var rules = new ExitRuleSettings { CspStopLossMultiple = 1.0m };

        Assert.Equal(300.00m, PositionTerms.For(Vpc(580m, 575m, 1.50m), 1, rules).StopLoss);
    }

    [Fact]
    public void For_CustomContractMultiplier_ScalesEveryAmount()
    {
        var rules = new ExitRuleSettings { ContractMultiplier = 10 };

        var terms = PositionTerms.For(Csp(580m, 1.50m), 2, rules);

        Assert.Equal(30.00m, terms.MaxProfit);
        Assert.Equal(15.00m, terms.ProfitTarget);
        Assert.Equal(60.00m, terms.StopLoss);
        Assert.Equal(11_570.00m, terms.MaxLoss);
        Assert.Equal(11_600.00m, terms.Collateral);
    }
}
