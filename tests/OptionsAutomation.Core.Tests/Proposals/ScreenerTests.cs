using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Proposals;

namespace OptionsAutomation.Core.Tests.Proposals;

public sealed class ScreenerTests
{
    // Monday 2026-03-02; expirations 28, 35, 44 and 50 days out.
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly DateTimeOffset At = new(2026, 3, 2, 14, 15, 0, TimeSpan.Zero);
    private static readonly DateOnly Day44 = Today.AddDays(44);

    private static readonly ProposalSettings Settings = new()
    {
        Watchlist = new Dictionary<string, IReadOnlyList<string>> { ["SPY"] = ["CSP", "VPC"] },
    };

    /// <summary>Puts 470–500 on four expirations; |delta| rises 0.02 per strike point from 0.17 at 470.</summary>
    private static OptionChain Chain(Func<OptionQuote, OptionQuote>? adjust = null)
    {
        var quotes = new List<OptionQuote>();
        foreach (var days in new[] { 28, 35, 44, 50 })
        {
            for (var strike = 470m; strike <= 500m; strike += 5m)
            {
                var delta = -(0.17 + ((double)(strike - 470m) * 0.02));
                var mid = 1.00m + ((strike - 470m) * 0.20m) + (days / 100m);
                var quote = new OptionQuote(new OptionContract("SPY", Today.AddDays(days), OptionRight.Put, strike),
                    mid - 0.05m, mid + 0.05m, null, At, 500m, 0.2, delta, 1_000);
                quotes.Add(adjust is null ? quote : adjust(quote));
            }
        }

        return new OptionChain("SPY", 500m, At, quotes);
    }

    [Fact]
    public void Screen_Csp_PicksTheLatestExpirationInTheWindowAndTheStrikeNearestTheTargetDelta()
    {
        var (candidate, denial) = Screener.Screen(Chain(), StrategyType.CashSecuredPut, Today, Settings);

        Assert.Null(denial);
        // |delta| 0.25 exactly at strike 474 does not exist: 475 has 0.27, 470 has 0.17 → 475.
        Assert.Equal(Day44, candidate!.Strategy.Expiration);
        Assert.Equal(475m, candidate.Strategy.ShortStrike);
        Assert.Equal(2.44m, candidate.Strategy.Credit);
        Assert.Equal(0.73m, candidate.ProbabilityOfProfit);
    }

    [Fact]
    public void Screen_Vpc_AddsTheLongPutOneWidthLowerAndPricesTheNetMid()
    {
        var (candidate, _) = Screener.Screen(Chain(), StrategyType.VerticalPutCredit, Today, Settings with { MinVpcCreditFractionOfWidth = 0.1m });

        Assert.Equal((475m, 470m), (candidate!.Strategy.ShortStrike, candidate.Strategy.LongStrike!.Value));
        // 2.44 − 1.44
        Assert.Equal(1.00m, candidate.Strategy.Credit);
    }

    [Fact]
    public void Screen_VpcCreditBelowAThirdOfTheWidth_IsDenied()
    {
        var (_, denial) = Screener.Screen(Chain(), StrategyType.VerticalPutCredit, Today, Settings with { MinVpcCreditFractionOfWidth = 1m / 3m });

        Assert.Equal("CREDIT_TOO_LOW: credit=1.00, min=1.67", denial!.ToString());
    }

    [Fact]
    public void Screen_NoExpirationInTheWindow_IsDenied()
    {
        var (_, denial) = Screener.Screen(Chain(), StrategyType.CashSecuredPut, Today, Settings with { MinDaysToExpiry = 60, MaxDaysToExpiry = 70 });

        Assert.Equal(ScreenDenialCode.NoExpirationInWindow, denial!.Code);
    }

    [Fact]
    public void Screen_ThinOpenInterest_IsDenied()
    {
        var (_, denial) = Screener.Screen(Chain(q => q with { OpenInterest = 50 }), StrategyType.CashSecuredPut, Today, Settings);

        Assert.Equal("OPEN_INTEREST_TOO_LOW: symbol=SPY   260415P00475000, open_interest=50, min=100", denial!.ToString());
    }

    [Fact]
    public void Screen_WideLeg_IsDenied()
    {
        var (_, denial) = Screener.Screen(Chain(q => q with { Bid = q.Bid - 0.50m, Ask = q.Ask + 0.50m }), StrategyType.CashSecuredPut, Today, Settings);

        Assert.Equal(ScreenDenialCode.SpreadTooWide, denial!.Code);
    }

    [Fact]
    public void Screen_MissingLongStrike_IsDenied()
    {
        var (_, denial) = Screener.Screen(Chain(), StrategyType.VerticalPutCredit, Today, Settings with { SpreadWidth = 7m });

        Assert.Equal("NO_LONG_PUT: expiration=2026-04-15, strike=468", denial!.ToString());
    }

    [Theory]
    [InlineData("2.444", false, "2.44")]
    [InlineData("2.445", false, "2.45")]
    [InlineData("3.12", true, "3.10")]
    [InlineData("3.13", true, "3.15")]
    [InlineData("2.99", true, "2.99")]
    public void RoundToTick_UsesPenniesOrNickelsFromThreeDollars(string price, bool nickels, string expected)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        Assert.Equal(decimal.Parse(expected, culture), Screener.RoundToTick(decimal.Parse(price, culture), nickels));
    }

    [Fact]
    public void Size_VpcRisksTwoPercentOfEquityAgainstMaxLoss()
    {
        var vpc = CreditStrategy.Create(StrategyType.VerticalPutCredit, "SPY", Day44, 475m, 470m, 1.20m);

        // 2% of 100,000 = 2,000 against (5 − 1.20) × 100 = 380 a spread → 5.
        Assert.Equal((5, (ScreenDenial?)null), Sizer.Size(vpc, 100_000m, 0m, new SizingSettings(), new ExitRuleSettings()));
    }

    [Fact]
    public void Size_CspTiesUpHalfOfEquityAtMost()
    {
        // 50% of 100,000 = 50,000 against 47,500 of collateral a contract → 1; 22,000 a contract → 2.
        var spy = CreditStrategy.Create(StrategyType.CashSecuredPut, "SPY", Day44, 475m, null, 2.44m);
        var iwm = CreditStrategy.Create(StrategyType.CashSecuredPut, "IWM", Day44, 220m, null, 2.10m);

        Assert.Equal(1, Sizer.Size(spy, 100_000m, 0m, new SizingSettings(), new ExitRuleSettings()).Contracts);
        Assert.Equal(2, Sizer.Size(iwm, 100_000m, 0m, new SizingSettings(), new ExitRuleSettings()).Contracts);
    }

    [Fact]
    public void Size_CspWhoseCollateralExceedsTheBudget_IsDenied()
    {
        var csp = CreditStrategy.Create(StrategyType.CashSecuredPut, "SPY", Day44, 604m, null, 5.70m);

        var (contracts, denial) = Sizer.Size(csp, 100_000m, 0m, new SizingSettings(), new ExitRuleSettings());

        Assert.Equal(0, contracts);
        Assert.Equal("SIZE_BELOW_ONE_CONTRACT: budget=50000.00, at_risk_per_contract=60400.00, committed=0.00", denial!.ToString());
    }

    [Fact]
    public void Size_NeverCommitsMoreThanTheTotalShare()
    {
        // 80% of 100,000 = 80,000, of which 47,500 is committed: 32,500 left, one 22,000 contract, not two.
        var iwm = CreditStrategy.Create(StrategyType.CashSecuredPut, "IWM", Day44, 220m, null, 2.10m);
        var vpc = CreditStrategy.Create(StrategyType.VerticalPutCredit, "SPY", Day44, 475m, 470m, 1.20m);

        Assert.Equal(1, Sizer.Size(iwm, 100_000m, 47_500m, new SizingSettings(), new ExitRuleSettings()).Contracts);
        Assert.Equal("SIZE_BELOW_ONE_CONTRACT: budget=0.00, at_risk_per_contract=380.00, committed=80000.00",
            Sizer.Size(vpc, 100_000m, 80_000m, new SizingSettings(), new ExitRuleSettings()).Denial!.ToString());
    }

    [Fact]
    public void Size_WithoutEquity_FailsClosed()
    {
        var vpc = CreditStrategy.Create(StrategyType.VerticalPutCredit, "SPY", Day44, 475m, 470m, 1.20m);

        Assert.Equal(ScreenDenialCode.NoEquity, Sizer.Size(vpc, null, 0m, new SizingSettings(), new ExitRuleSettings()).Denial!.Code);
    }
}
