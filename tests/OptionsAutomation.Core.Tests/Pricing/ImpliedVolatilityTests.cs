using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Pricing;

namespace OptionsAutomation.Core.Tests.Pricing;

public sealed class ImpliedVolatilityTests
{
    /// <summary>The requirement: the solved σ reprices the premium to within this, in the premium's currency.</summary>
    private const double PriceTolerance = 1e-10;

    /// <summary>
    /// J. C. Hull, "Options, Futures, and Other Derivatives", section "Implied volatilities": a call worth 1.875 with
    /// S = 21, K = 20, r = 10%, T = 0.25 has an implied volatility of 0.235 (23.5%). The full-precision root,
    /// 0.2345129139976438, was found in 30-digit arithmetic (mpmath findroot on the same closed form).
    /// </summary>
    [Fact]
    public void Solve_HullImpliedVolatilityExample_Gives23Point5Percent()
    {
        var sigma = ImpliedVolatility.Solve(OptionRight.Call, premium: 1.875, spot: 21, strike: 20, years: 0.25, rate: 0.10, dividendYield: 0);

        Assert.Equal(0.235, sigma, 0.0005);
        Assert.Equal(0.2345129139976438, sigma, 1e-12);
    }

    /// <summary>Hull's 42/40 example backwards: the call worth 4.7594 and the put worth 0.8086 both come from σ = 20%.</summary>
    [Theory]
    [InlineData(OptionRight.Call, 4.759422392871533)]
    [InlineData(OptionRight.Put, 0.8085993729000936)]
    public void Solve_HullExamplePremiums_Recover20Percent(OptionRight right, double premium) =>
        Assert.Equal(0.20, ImpliedVolatility.Solve(right, premium, spot: 42, strike: 40, years: 0.5, rate: 0.10, dividendYield: 0), 1e-12);

    /// <summary>
    /// Round trips over strike/spot 0.5 to 2 × volatility 5% to 200% × 1 day to 5 years, puts and calls, with a dividend
    /// yield above and below the rate: price at σ, solve, reprice. Points whose time value (premium − lower bound) is
    /// below 1e-12 of the spot are skipped: such a premium equals its intrinsic value to within a few ulps of the
    /// underlying's price, so it carries no information about σ (and may round onto the bound, which is refused by
    /// design). Where doubling σ would move the price by at least 1e-4, σ itself is recovered to 1e-8 relative (below that,
    /// a few ulps of the premium already span more than that in σ).
    /// </summary>
    [Fact]
    public void Solve_OverMoneynessVolatilityAndExpiryGrid_RepricesTo1e10()
    {
        const double Spot = 100;
        var failures = new List<string>();
        var solved = 0;
        foreach (var right in new[] { OptionRight.Call, OptionRight.Put })
        {
            foreach (var (rate, dividendYield) in new[] { (0.05, 0.015), (0.01, 0.06) })
            {
                foreach (var moneyness in new[] { 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1.0, 1.01, 1.05, 1.1, 1.25, 1.5, 1.75, 2.0 })
                {
                    foreach (var years in new[] { 1.0 / 365, 7.0 / 365, 30.0 / 365, 0.25, 0.5, 1, 2, 5 })
                    {
                        foreach (var volatility in new[] { 0.05, 0.1, 0.2, 0.35, 0.5, 0.75, 1.0, 1.5, 2.0 })
                        {
                            var strike = Spot * moneyness;
                            var value = BlackScholes.Value(right, Spot, strike, years, rate, dividendYield, volatility);
                            var bounds = PremiumBounds.For(right, Spot, strike, years, rate, dividendYield);
                            if (value.Price - bounds.Lower < 1e-12 * Spot)
                            {
                                continue;
                            }

                            solved++;
                            var sigma = ImpliedVolatility.Solve(right, value.Price, Spot, strike, years, rate, dividendYield);
                            var repriced = BlackScholes.Value(right, Spot, strike, years, rate, dividendYield, sigma).Price;
                            var wellDetermined = value.Vega * 100 * volatility >= 1e-4;
                            if (Math.Abs(repriced - value.Price) > PriceTolerance || (wellDetermined && Math.Abs(sigma - volatility) > 1e-8 * volatility))
                            {
                                failures.Add($"{right} K={strike} T={years:R} r={rate} q={dividendYield} σ={volatility}: premium {value.Price:R}, solved σ {sigma:R} reprices to {repriced:R}");
                            }
                        }
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        // The skip rule must leave the grid meaningful: 700 of the 4,320 points (far from the money, short and calm)
        // have no time value to speak of; the other 3,620 are solved.
        Assert.Equal(3_620, solved);
    }

    public static TheoryData<OptionRight, double, double> ExtremePremiums => new()
    {
        // right, strike, premium (S = 100, T = 0.5, r = 5%, q = 1%)
        { OptionRight.Call, 150, double.Epsilon },                      // the smallest premium above a zero lower bound
        { OptionRight.Call, 150, 1e-300 },
        { OptionRight.Call, 100, (100 * Math.Exp(-0.005)) - (100 * Math.Exp(-0.025)) + 1e-12 }, // near the money, time value 1e-12
        { OptionRight.Call, 50, (100 * Math.Exp(-0.005)) - (50 * Math.Exp(-0.025)) + 1e-9 }, // deep ITM, time value 1e-9
        { OptionRight.Call, 100, Math.BitDecrement(100 * Math.Exp(-0.005)) }, // one ulp below the upper bound: σ enormous
        { OptionRight.Put, 50, Math.BitDecrement(50 * Math.Exp(-0.025)) },
        { OptionRight.Put, 200, (200 * Math.Exp(-0.025)) - (100 * Math.Exp(-0.005)) + 1e-7 },
        { OptionRight.Put, 10, 1e-200 },
    };

    [Theory]
    [MemberData(nameof(ExtremePremiums))]
    public void Solve_PremiumsJustInsideTheBounds_Reprice(OptionRight right, double strike, double premium)
    {
        var sigma = ImpliedVolatility.Solve(right, premium, spot: 100, strike, years: 0.5, rate: 0.05, dividendYield: 0.01);

        Assert.True(sigma >= 0 && double.IsFinite(sigma), $"σ = {sigma:R}");
        Assert.Equal(premium, BlackScholes.Value(right, 100, strike, 0.5, 0.05, 0.01, sigma).Price, PriceTolerance);
    }

    /// <summary>
    /// A one-day option 20% in the money worth a cent over intrinsic: the put-call parity reduction solves on the
    /// out-of-the-money put's 0.01 rather than on the call's 20.01, and recovers its volatility (found in 30-digit
    /// arithmetic with mpmath findroot: 1.7884902856902…).
    /// </summary>
    [Fact]
    public void Solve_DeepInTheMoneyOneDayCall_SolvesOnTheTimeValue()
    {
        var sigma = ImpliedVolatility.Solve(OptionRight.Call, premium: 20.01, spot: 120, strike: 100, years: 1.0 / 365, rate: 0, dividendYield: 0);

        Assert.Equal(20.01, BlackScholes.Value(OptionRight.Call, 120, 100, 1.0 / 365, 0, 0, sigma).Price, PriceTolerance);
    }

    public static TheoryData<OptionRight, double, double> OutsideTheBounds => new()
    {
        // right, strike, premium (S = 100, T = 1, r = 5%, q = 0): call bounds (0 or 100 − K·e^(−0.05), 100), put (…, K·e^(−0.05))
        { OptionRight.Call, 120, 0 },
        { OptionRight.Call, 120, -0.5 },
        { OptionRight.Call, 120, 100 },
        { OptionRight.Call, 120, 150 },
        { OptionRight.Call, 80, 100 - (80 * Math.Exp(-0.05)) },
        { OptionRight.Call, 80, 20 },
        { OptionRight.Put, 80, 0 },
        { OptionRight.Put, 80, 80 * Math.Exp(-0.05) },
        { OptionRight.Put, 80, 90 },
        { OptionRight.Put, 120, (120 * Math.Exp(-0.05)) - 100 },
        { OptionRight.Put, 120, 10 },
    };

    [Theory]
    [MemberData(nameof(OutsideTheBounds))]
    public void Solve_PremiumAtOrOutsideTheBounds_ThrowsGivingTheBounds(OptionRight right, double strike, double premium)
    {
        var bounds = PremiumBounds.For(right, 100, strike, 1, 0.05, 0);

        var e = Assert.Throws<ImpliedVolatilityException>(() => ImpliedVolatility.Solve(right, premium, 100, strike, 1, 0.05, 0));

        Assert.Equal(bounds, e.Bounds);
        Assert.Equal("premium", e.ParamName);
        Assert.Contains($"must be above {bounds.Lower.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}", e.Message, StringComparison.Ordinal);
        Assert.Contains($"below {bounds.Upper.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Solve_PremiumAboveTheCallBound_ExplainsInWords()
    {
        var e = Assert.Throws<ImpliedVolatilityException>(() => ImpliedVolatility.Solve(OptionRight.Call, 45, 42, 40, 0.5, 0.10, 0));

        Assert.Equal(
            "premium 45 is not strictly inside the no-arbitrage bounds of this call, so no volatility gives it: it must be above " +
            "3.9508230199714376 (the discounted intrinsic value max(0, S·e^(−qT) − K·e^(−rT))) and below 42 (S·e^(−qT)).",
            e.Message);
    }

    [Fact]
    public void Solve_AtExpiry_RefusesNamingYears()
    {
        var e = Assert.Throws<PricingInputException>(() => ImpliedVolatility.Solve(OptionRight.Put, 1, 100, 100, 0, 0.05, 0));

        Assert.Equal("years", e.ParamName);
    }

    [Theory]
    [InlineData(double.NaN, "premium")]
    [InlineData(double.PositiveInfinity, "premium")]
    public void Solve_NonFinitePremium_RefusesNamingIt(double premium, string parameter) =>
        Assert.Equal(parameter, Assert.Throws<PricingInputException>(() => ImpliedVolatility.Solve(OptionRight.Put, premium, 100, 100, 1, 0.05, 0)).ParamName);

    [Fact]
    public void Solve_NegativeSpot_RefusesNamingIt() =>
        Assert.Equal("spot", Assert.Throws<PricingInputException>(() => ImpliedVolatility.Solve(OptionRight.Put, 1, -100, 100, 1, 0.05, 0)).ParamName);
}
