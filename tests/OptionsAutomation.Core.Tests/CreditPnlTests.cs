using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Tests;

public sealed class CreditPnlTests
{
    [Fact]
    public void Dollars_IsPriceTimesMultiplierTimesContracts()
    {
        Assert.Equal(150.00m, CreditPnl.Dollars(1.50m, 100, 1));
        Assert.Equal(705.00m, CreditPnl.Dollars(2.35m, 100, 3));
        Assert.Equal(12.34m, CreditPnl.Dollars(0.1234m, 100, 1));
        Assert.Equal(15.00m, CreditPnl.Dollars(1.50m, 10, 1));
    }

    [Fact]
    public void Pnl_WorkedExample_ClosedAtHalfTheCredit_Is75()
    {
        Assert.Equal(75.00m, CreditPnl.Pnl(1.50m, 0.75m, 100, 1, 0m));
    }

    [Fact]
    public void Pnl_WorkedExample_MarkedAt350_IsMinus200()
    {
        Assert.Equal(-200.00m, CreditPnl.Pnl(1.50m, 3.50m, 100, 1, 0m));
    }

    [Fact]
    public void Pnl_SubtractsFees()
    {
        Assert.Equal(73.70m, CreditPnl.Pnl(1.50m, 0.75m, 100, 1, 1.30m));
        Assert.Equal(-201.95m, CreditPnl.Pnl(1.50m, 3.50m, 100, 1, 1.95m));
    }

    [Fact]
    public void Pnl_ScalesWithContracts()
    {
        // (2.10 - 0.95) x 100 x 4 - 2.60
        Assert.Equal(457.40m, CreditPnl.Pnl(2.10m, 0.95m, 100, 4, 2.60m));
    }

    [Fact]
    public void Pnl_ExpiredWorthless_KeepsWholeCredit()
    {
        Assert.Equal(150.00m, CreditPnl.Pnl(1.50m, 0m, 100, 1, 0m));
    }

    [Fact]
    public void Pnl_FourDecimalPrices_AreExactInCents()
    {
        // (1.2345 - 0.6789) x 100 x 3 = 166.68
        Assert.Equal(166.68m, CreditPnl.Pnl(1.2345m, 0.6789m, 100, 3, 0m));
    }

    public static TheoryData<decimal, decimal, decimal> Percentages => new()
    {
        { 75m, 150m, 50.00m },
        { -200m, 150m, -133.33m },
        { 150m, 150m, 100.00m },
        { 1m, 3m, 33.33m },
        { 2m, 3m, 66.67m },
        { -1m, 3m, -33.33m },
        { -2m, 3m, -66.67m },
        { 0m, 150m, 0m },
        { 73.70m, 150m, 49.13m },
        // Midpoints round away from zero, not to even.
        { 0.00125m, 1m, 0.13m },
        { -0.00125m, 1m, -0.13m },
        { 0.00225m, 1m, 0.23m },
    };

    [Theory]
    [MemberData(nameof(Percentages))]
    public void PercentOfMaxProfit_RoundsToCentsAwayFromZero(decimal pnl, decimal maxProfit, decimal expected)
    {
        Assert.Equal(expected, CreditPnl.PercentOfMaxProfit(pnl, maxProfit));
    }

    [Fact]
    public void PercentOfMaxProfit_WhenMaxProfitIsZero_IsZero()
    {
        Assert.Equal(0m, CreditPnl.PercentOfMaxProfit(42m, 0m));
    }

    public static TheoryData<decimal, TradeOutcome> Outcomes => new()
    {
        { 0.01m, TradeOutcome.Win },
        { 75m, TradeOutcome.Win },
        { 0m, TradeOutcome.Loss },
        { -0.01m, TradeOutcome.Loss },
        { -200m, TradeOutcome.Loss },
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void Outcome_IsWinOnlyAboveZero_BreakEvenIsLoss(decimal pnl, TradeOutcome expected)
    {
        Assert.Equal(expected, CreditPnl.Outcome(pnl));
    }
}
