using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Tests.Support;

namespace OptionsAutomation.Core.Tests;

public sealed class CreditStrategyTests
{
    private static CreditStrategy Csp(string ticker = "SPY", decimal strike = 580m, decimal credit = 1.50m, decimal? longStrike = null) =>
        CreditStrategy.Create(StrategyType.CashSecuredPut, ticker, TestDates.Expiration, strike, longStrike, credit);

    private static CreditStrategy Vpc(decimal shortStrike = 580m, decimal? longStrike = 575m, decimal credit = 1.50m, string ticker = "SPY") =>
        CreditStrategy.Create(StrategyType.VerticalPutCredit, ticker, TestDates.Expiration, shortStrike, longStrike, credit);

    private static PositionRuleException Refused(Func<CreditStrategy> create) =>
        Assert.Throws<PositionRuleException>(() => create());

    [Fact]
    public void Create_Csp_HasOneShortPutLeg()
    {
        var csp = Csp();

        Assert.Equal(StrategyType.CashSecuredPut, csp.Type);
        Assert.Equal("SPY", csp.Underlying);
        Assert.Equal(TestDates.Expiration, csp.Expiration);
        Assert.Equal(580m, csp.ShortStrike);
        Assert.Null(csp.LongStrike);
        Assert.Equal(1.50m, csp.Credit);
        Assert.Equal(0m, csp.Width);

        var leg = Assert.Single(csp.Legs);
        Assert.Equal(LegSide.Short, leg.Side);
        Assert.Equal(1, leg.Ratio);
        Assert.Equal(new OptionContract("SPY", TestDates.Expiration, OptionRight.Put, 580m), leg.Contract);
        Assert.Equal("SPY   260320P00580000", leg.Contract.OccSymbol);
    }

    [Fact]
    public void Create_Vpc_HasShortThenLongPutLegs()
    {
        var vpc = Vpc(580m, 575m, 1.50m);

        Assert.Equal(5m, vpc.Width);
        Assert.Collection(
            vpc.Legs,
            shortLeg =>
            {
                Assert.Equal(LegSide.Short, shortLeg.Side);
                Assert.Equal(OptionRight.Put, shortLeg.Contract.Right);
                Assert.Equal("SPY   260320P00580000", shortLeg.Contract.OccSymbol);
            },
            longLeg =>
            {
                Assert.Equal(LegSide.Long, longLeg.Side);
                Assert.Equal(OptionRight.Put, longLeg.Contract.Right);
                Assert.Equal("SPY   260320P00575000", longLeg.Contract.OccSymbol);
            });
    }

    [Theory]
    [InlineData("spy", "SPY")]
    [InlineData(" qqq ", "QQQ")]
    [InlineData("Iwm", "IWM")]
    [InlineData("brk.b", "BRK.B")]
    [InlineData("GOOGLX", "GOOGLX")]
    [InlineData("F", "F")]
    public void Create_NormalisesTickerToUpperCase(string given, string expected)
    {
        Assert.Equal(expected, Csp(ticker: given, strike: 10m, credit: 0.5m).Underlying);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("TOOLONG")]
    [InlineData("SP1")]
    [InlineData("S-P")]
    [InlineData("S P")]
    [InlineData("ÄPFL")]
    public void Create_BadTicker_Refuses(string ticker)
    {
        var e = Refused(() => Csp(ticker: ticker));

        var problem = Assert.Single(e.Problems);
        Assert.Contains("ticker", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NullTicker_Refuses()
    {
        var e = Refused(() => Csp(ticker: null!));

        Assert.Contains("ticker", Assert.Single(e.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_CspWithLongStrike_Refuses()
    {
        var e = Refused(() => Csp(longStrike: 575m));

        Assert.Equal("a CSP has no long strike.", Assert.Single(e.Problems));
    }

    [Theory]
    [InlineData(580)]
    [InlineData(600)]
    public void Create_CspCreditAtOrAboveStrike_Refuses(int credit)
    {
        var e = Refused(() => Csp(strike: 580m, credit: credit));

        Assert.Contains("below the strike", Assert.Single(e.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_VpcWithoutLongStrike_Refuses()
    {
        var e = Refused(() => Vpc(longStrike: null));

        Assert.Equal("a VPC needs a long strike.", Assert.Single(e.Problems));
    }

    [Theory]
    [InlineData(580)]
    [InlineData(585)]
    public void Create_VpcLongStrikeAtOrAboveShort_Refuses(int longStrike)
    {
        var e = Refused(() => Vpc(580m, longStrike, 1.50m));

        Assert.Contains("must be below the short strike", Assert.Single(e.Problems), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("5.0001")]
    [InlineData("7.25")]
    public void Create_VpcCreditAtOrAboveWidth_Refuses(string credit)
    {
        var e = Refused(() => Vpc(580m, 575m, decimal.Parse(credit, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Contains("below the spread width 5", Assert.Single(e.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_VpcCreditJustBelowWidth_IsAccepted()
    {
        Assert.Equal(4.9999m, Vpc(580m, 575m, 4.9999m).Credit);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Create_ZeroOrNegativeCredit_Refuses(int credit)
    {
        var e = Refused(() => Csp(credit: credit));

        Assert.Contains("credit must be above 0", Assert.Single(e.Problems), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-580)]
    public void Create_ZeroOrNegativeStrike_Refuses(int strike)
    {
        var e = Refused(() => Csp(strike: strike));

        Assert.Contains("short strike must be above 0", Assert.Single(e.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_VpcNegativeLongStrike_Refuses()
    {
        var e = Refused(() => Vpc(5m, -1m, 1m));

        Assert.Contains(e.Problems, p => p.Contains("long strike must be above 0", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_CreditWithMoreThanFourDecimals_Refuses()
    {
        var e = Refused(() => Csp(credit: 1.12345m));

        Assert.Contains("more than 4 decimals", Assert.Single(e.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_StrikeWithMoreThanThreeDecimals_Refuses()
    {
        // OCC symbols carry strikes in thousandths; a finer strike would share a symbol with another.
        var e = Refused(() => Csp(strike: 580.0001m));

        Assert.Contains("more than 3 decimals", Assert.Single(e.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_FourDecimalCredit_IsAccepted()
    {
        Assert.Equal(1.1234m, Csp(credit: 1.1234m).Credit);
    }

    [Fact]
    public void Create_TrailingZerosBeyondFourDecimals_AreAccepted()
    {
        Assert.Equal(1.5m, Csp(credit: 1.500000m).Credit);
    }

    [Fact]
    public void Create_Stock_Refuses()
    {
        var e = Assert.Throws<PositionRuleException>(() =>
            CreditStrategy.Create(StrategyType.Stock, "SPY", TestDates.Expiration, 580m, null, 1.50m));

        Assert.Equal("STOCK is not a credit option strategy.", Assert.Single(e.Problems));
    }

    [Fact]
    public void Create_ListsEveryProblemAtOnce()
    {
        var e = Refused(() => Csp(ticker: "123", strike: 0m, credit: -1m));

        Assert.Equal(3, e.Problems.Count);
        Assert.Contains("ticker", e.Problems[0], StringComparison.Ordinal);
        Assert.Contains("short strike", e.Problems[1], StringComparison.Ordinal);
        Assert.Contains("credit", e.Problems[2], StringComparison.Ordinal);
        Assert.Equal(string.Join(" ", e.Problems), e.Message);
    }

    [Fact]
    public void OccSymbol_DecimalStrike_IsStrikeTimesThousand()
    {
        var contract = new OptionContract("XYZ", TestDates.Expiration, OptionRight.Put, 42.5m);

        Assert.Equal("XYZ   260320P00042500", contract.OccSymbol);
    }

    [Theory]
    [InlineData("SPY", 2026, 3, 20, OptionRight.Put, "580", "SPY   260320P00580000")]
    [InlineData("SPY", 2026, 3, 20, OptionRight.Call, "580", "SPY   260320C00580000")]
    [InlineData("AAPL", 2027, 1, 15, OptionRight.Put, "187.5", "AAPL  270115P00187500")]
    [InlineData("F", 2026, 12, 18, OptionRight.Put, "11", "F     261218P00011000")]
    [InlineData("GOOGLX", 2026, 6, 5, OptionRight.Call, "2.125", "GOOGLX260605C00002125")]
    [InlineData("BKNG", 2026, 4, 17, OptionRight.Put, "4500", "BKNG  260417P04500000")]
    public void OccSymbol_FollowsOccSymbology(string root, int year, int month, int day, OptionRight right, string strike, string expected)
    {
        var contract = new OptionContract(
            root, new DateOnly(year, month, day), right, decimal.Parse(strike, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, contract.OccSymbol);
        Assert.Equal(21, contract.OccSymbol.Length);
    }

    [Fact]
    public void Create_DecimalStrikeLegs_CarryOccSymbol()
    {
        var vpc = CreditStrategy.Create(StrategyType.VerticalPutCredit, "xyz", TestDates.Expiration, 42.5m, 40m, 0.75m);

        Assert.Equal(
            ["XYZ   260320P00042500", "XYZ   260320P00040000"],
            vpc.Legs.Select(l => l.Contract.OccSymbol).ToArray());
    }
}
