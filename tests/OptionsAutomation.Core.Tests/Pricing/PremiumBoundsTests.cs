using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Pricing;

namespace OptionsAutomation.Core.Tests.Pricing;

public sealed class PremiumBoundsTests
{
    /// <summary>Hull's S = 42, K = 40, r = 10%, T = 0.5 with q = 3%: S·e^(−qT) = 41.3747…, K·e^(−rT) = 38.0491… (30-digit values from mpmath).</summary>
    [Theory]
    [InlineData(OptionRight.Call, 3.3255244833000715, 41.374701463328632)]
    [InlineData(OptionRight.Put, 0, 38.04917698002856)]
    public void For_HullExampleWithDividends_IsDiscountedIntrinsicToWhatTheOptionCanPay(OptionRight right, double lower, double upper)
    {
        var bounds = PremiumBounds.For(right, spot: 42, strike: 40, years: 0.5, rate: 0.10, dividendYield: 0.03);

        Assert.Equal(lower, bounds.Lower, 1e-13);
        Assert.Equal(upper, bounds.Upper, 1e-13);
    }

    /// <summary>The bounds are the prices at σ = 0 and as σ grows without limit.</summary>
    [Theory]
    [InlineData(OptionRight.Call, 80)]
    [InlineData(OptionRight.Call, 120)]
    [InlineData(OptionRight.Put, 80)]
    [InlineData(OptionRight.Put, 120)]
    public void For_AnyOption_AreItsPricesWithoutAndWithUnlimitedVolatility(OptionRight right, double strike)
    {
        var bounds = PremiumBounds.For(right, 100, strike, 1, 0.05, 0.02);

        Assert.Equal(BlackScholes.Value(right, 100, strike, 1, 0.05, 0.02, 0).Price, bounds.Lower, 1e-13);
        Assert.Equal(BlackScholes.Value(right, 100, strike, 1, 0.05, 0.02, 1e6).Price, bounds.Upper, 1e-12);
        Assert.False(bounds.StrictlyContains(bounds.Lower));
        Assert.False(bounds.StrictlyContains(bounds.Upper));
        Assert.True(bounds.StrictlyContains((bounds.Lower + bounds.Upper) / 2));
    }
}
