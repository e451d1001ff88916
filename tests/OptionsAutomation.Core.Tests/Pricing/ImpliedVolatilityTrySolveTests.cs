using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Pricing;

namespace OptionsAutomation.Core.Tests.Pricing;

/// <summary><see cref="ImpliedVolatility.TrySolve"/>: Solve's answers, and its refusals as a false with the bounds instead of an exception.</summary>
public sealed class ImpliedVolatilityTrySolveTests
{
    /// <summary>Hull's call worth 1.875 (S = 21, K = 20, r = 10%, T = 0.25): σ = 0.2345129139976438, found in 30-digit arithmetic.</summary>
    [Fact]
    public void TrySolve_HullImpliedVolatilityExample_SucceedsWith23Point5Percent()
    {
        var solved = ImpliedVolatility.TrySolve(OptionRight.Call, 1.875, 21, 20, 0.25, 0.10, 0, out var sigma, out var refusedBounds);

        Assert.True(solved);
        Assert.Null(refusedBounds);
        Assert.Equal(0.2345129139976438, sigma, 1e-12);
    }

    [Theory]
    [MemberData(nameof(ImpliedVolatilityTests.OutsideTheBounds), MemberType = typeof(ImpliedVolatilityTests))]
    public void TrySolve_PremiumAtOrOutsideTheBounds_ReturnsFalseWithTheBounds(OptionRight right, double strike, double premium)
    {
        var solved = ImpliedVolatility.TrySolve(right, premium, 100, strike, 1, 0.05, 0, out var sigma, out var refusedBounds);

        Assert.False(solved);
        Assert.Equal(PremiumBounds.For(right, 100, strike, 1, 0.05, 0), refusedBounds);
        Assert.True(double.IsNaN(sigma), $"σ = {sigma:R}");
    }

    /// <summary>The CLI's refused put (a 30-day 400 put on a 380 close at 19, under its discounted intrinsic 19.10): bounds by hand.</summary>
    [Fact]
    public void TrySolve_PutBelowIntrinsic_GivesTheHandComputedBounds()
    {
        var solved = ImpliedVolatility.TrySolve(OptionRight.Put, 19, 380, 400, 30 / 365.0, 0.04, 0.0134, out _, out var refusedBounds);

        Assert.False(solved);
        var discountedStrike = 400 * Math.Exp(-0.04 * 30 / 365.0);
        var discountedSpot = 380 * Math.Exp(-0.0134 * 30 / 365.0);
        Assert.Equal(discountedStrike - discountedSpot, refusedBounds!.Lower, 1e-12);
        Assert.Equal(discountedStrike, refusedBounds.Upper, 1e-12);
    }

    /// <summary>Over strikes, expiries and volatilities, puts and calls: TrySolve gives Solve's volatility to the bit.</summary>
    [Fact]
    public void TrySolve_InsideTheBounds_GivesSolvesVolatilityExactly()
    {
        var compared = 0;
        foreach (var right in new[] { OptionRight.Call, OptionRight.Put })
        {
            foreach (var strike in new[] { 60.0, 90, 100, 110, 160 })
            {
                foreach (var years in new[] { 7.0 / 365, 0.25, 2 })
                {
                    foreach (var volatility in new[] { 0.1, 0.3, 1.0 })
                    {
                        var premium = BlackScholes.Value(right, 100, strike, years, 0.04, 0.01, volatility).Price;
                        if (!PremiumBounds.For(right, 100, strike, years, 0.04, 0.01).StrictlyContains(premium))
                        {
                            continue;
                        }

                        Assert.True(ImpliedVolatility.TrySolve(right, premium, 100, strike, years, 0.04, 0.01, out var sigma, out var refusedBounds));
                        Assert.Null(refusedBounds);
                        Assert.Equal(ImpliedVolatility.Solve(right, premium, 100, strike, years, 0.04, 0.01), sigma);
                        compared++;
                    }
                }
            }
        }

        Assert.True(compared >= 80, $"only {compared} of 90 premiums kept time value");
    }

    /// <summary>Years of 0 or a non-finite premium are the caller's mistake, not the market's: they still throw.</summary>
    [Fact]
    public void TrySolve_AtExpiry_StillThrowsNamingYears() =>
        Assert.Equal("years", Assert.Throws<PricingInputException>(() => ImpliedVolatility.TrySolve(OptionRight.Put, 1, 100, 100, 0, 0.05, 0, out _, out _)).ParamName);
}
