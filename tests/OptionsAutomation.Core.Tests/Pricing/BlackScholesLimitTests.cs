using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Pricing;

namespace OptionsAutomation.Core.Tests.Pricing;

/// <summary>Expiry (T = 0), no volatility (σ = 0), and the inputs the model refuses.</summary>
public sealed class BlackScholesLimitTests
{
    [Theory]
    [InlineData(OptionRight.Call, 105, 5, 1)]
    [InlineData(OptionRight.Call, 95, 0, 0)]
    [InlineData(OptionRight.Call, 100, 0, 0.5)]
    [InlineData(OptionRight.Put, 95, 5, -1)]
    [InlineData(OptionRight.Put, 105, 0, 0)]
    [InlineData(OptionRight.Put, 100, 0, -0.5)]
    public void Value_AtExpiry_IsIntrinsicWithStepDelta(OptionRight right, double spot, double price, double delta)
    {
        var value = BlackScholes.Value(right, spot, strike: 100, years: 0, rate: 0.05, dividendYield: 0.02, volatility: 0.3);

        Assert.Equal(price, value.Price, 1e-12);
        Assert.Equal(delta, value.Delta);
        Assert.Equal(0, value.Gamma);
        Assert.Equal(0, value.Vega);
        Assert.Equal(0, value.Rho);
    }

    /// <summary>
    /// σ = 0, T = 1, S = 100, K = 95, r = 5%, q = 2%: the call is a forward, 100·e^(−0.02) − 95·e^(−0.05) = 7.6530720…;
    /// delta e^(−0.02), theta its carry (q·S·e^(−qT) − r·K·e^(−rT)) per day, rho K·T·e^(−rT) per 1%. The put is worthless.
    /// </summary>
    [Fact]
    public void Value_WithoutVolatility_IsTheDiscountedForwardIntrinsicValue()
    {
        var discountedSpot = 100 * Math.Exp(-0.02);
        var discountedStrike = 95 * Math.Exp(-0.05);

        var call = BlackScholes.Value(OptionRight.Call, spot: 100, strike: 95, years: 1, rate: 0.05, dividendYield: 0.02, volatility: 0);
        var put = BlackScholes.Value(OptionRight.Put, spot: 100, strike: 95, years: 1, rate: 0.05, dividendYield: 0.02, volatility: 0);

        Assert.Equal(7.6530720031, call.Price, 1e-10);
        Assert.Equal(new OptionValuation(
            discountedSpot - discountedStrike, Math.Exp(-0.02), 0, 0, ((0.02 * discountedSpot) - (0.05 * discountedStrike)) / 365, discountedStrike / 100), call);
        Assert.Equal(new OptionValuation(0, 0, 0, 0, 0, 0), put);
    }

    /// <summary>The σ = 0 values are the σ → 0 limits: 1e-9 of volatility gives the same numbers (gamma and vega vanish).</summary>
    [Theory]
    [InlineData(OptionRight.Call, 95)]
    [InlineData(OptionRight.Call, 105)]
    [InlineData(OptionRight.Put, 95)]
    [InlineData(OptionRight.Put, 105)]
    public void Value_WithoutVolatility_IsTheLimitOfVanishingVolatility(OptionRight right, double strike)
    {
        var limit = BlackScholes.Value(right, spot: 100, strike, years: 0.5, rate: 0.03, dividendYield: 0.01, volatility: 0);
        var nearly = BlackScholes.Value(right, spot: 100, strike, years: 0.5, rate: 0.03, dividendYield: 0.01, volatility: 1e-9);

        Assert.Equal(nearly.Price, limit.Price, 1e-12);
        Assert.Equal(nearly.Delta, limit.Delta, 1e-12);
        Assert.Equal(nearly.Gamma, limit.Gamma, 1e-12);
        Assert.Equal(nearly.Vega, limit.Vega, 1e-12);
        Assert.Equal(nearly.Theta, limit.Theta, 1e-12);
        Assert.Equal(nearly.Rho, limit.Rho, 1e-12);
    }

    /// <summary>
    /// Exactly at the forward (r = q, S = K) the σ → 0 limits are delta ±½·e^(−qT) and vega S·e^(−qT)·√T·φ(0);
    /// gamma, unbounded there, is reported as 0.
    /// </summary>
    [Theory]
    [InlineData(OptionRight.Call, 1)]
    [InlineData(OptionRight.Put, -1)]
    public void Value_WithoutVolatilityAtTheForward_TakesTheLimits(OptionRight right, double omega)
    {
        var value = BlackScholes.Value(right, spot: 100, strike: 100, years: 0.25, rate: 0.04, dividendYield: 0.04, volatility: 0);
        var nearly = BlackScholes.Value(right, spot: 100, strike: 100, years: 0.25, rate: 0.04, dividendYield: 0.04, volatility: 1e-9);

        Assert.Equal(0, value.Price);
        Assert.Equal(omega * 0.5 * Math.Exp(-0.01), value.Delta, 1e-15);
        Assert.Equal(0, value.Gamma);
        Assert.Equal(100 * Math.Exp(-0.01) * 0.5 * 0.3989422804014327 / 100, value.Vega, 1e-15);
        Assert.Equal(nearly.Delta, value.Delta, 1e-9);
        Assert.Equal(nearly.Vega, value.Vega, 1e-9);
    }

    [Fact]
    public void Value_WithHugeVolatility_TendsToTheUpperBound()
    {
        var call = BlackScholes.Value(OptionRight.Call, spot: 100, strike: 100, years: 1, rate: 0.05, dividendYield: 0.02, volatility: 1e300);
        var put = BlackScholes.Value(OptionRight.Put, spot: 100, strike: 100, years: 1, rate: 0.05, dividendYield: 0.02, volatility: 1e300);

        Assert.Equal(100 * Math.Exp(-0.02), call.Price, 1e-12);
        Assert.Equal(100 * Math.Exp(-0.05), put.Price, 1e-12);
        Assert.Equal(0, call.Gamma);
        Assert.Equal(0, call.Vega);
    }

    public static TheoryData<string, double[]> Refused => new()
    {
        // parameter, { spot, strike, years, rate, dividendYield, volatility }
        { "spot", [0, 100, 1, 0.05, 0, 0.2] },
        { "spot", [-1, 100, 1, 0.05, 0, 0.2] },
        { "spot", [double.NaN, 100, 1, 0.05, 0, 0.2] },
        { "spot", [double.PositiveInfinity, 100, 1, 0.05, 0, 0.2] },
        { "strike", [100, 0, 1, 0.05, 0, 0.2] },
        { "strike", [100, double.NaN, 1, 0.05, 0, 0.2] },
        { "years", [100, 100, -0.01, 0.05, 0, 0.2] },
        { "years", [100, 100, double.PositiveInfinity, 0.05, 0, 0.2] },
        { "rate", [100, 100, 1, double.NaN, 0, 0.2] },
        { "rate", [100, 100, 1, -1e300, 0, 0.2] },
        { "dividendYield", [100, 100, 1, 0.05, double.NegativeInfinity, 0.2] },
        { "volatility", [100, 100, 1, 0.05, 0, -0.2] },
        { "volatility", [100, 100, 1, 0.05, 0, double.NaN] },
        { "volatility", [100, 100, 1, 0.05, 0, double.PositiveInfinity] },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Value_WithUnusableInput_ThrowsNamingTheParameter(string parameter, double[] inputs)
    {
        var e = Assert.ThrowsAny<ArgumentOutOfRangeException>(() =>
            BlackScholes.Value(OptionRight.Call, inputs[0], inputs[1], inputs[2], inputs[3], inputs[4], inputs[5]));

        Assert.Equal(parameter, e.ParamName);
        Assert.StartsWith(parameter + " ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Value_WithNegativeVolatility_SaysWhatIsExpectedAndWhatCame()
    {
        var e = Assert.Throws<PricingInputException>(() => BlackScholes.Value(OptionRight.Put, 100, 100, 1, 0.05, 0, -0.2));

        Assert.Equal("volatility must be a finite number at least 0, was -0.2.", e.Message);
    }
}
