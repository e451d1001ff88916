using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Pricing;

namespace OptionsAutomation.Core.Tests.Pricing;

/// <summary>Greeks against textbook values, against finite differences of the price, and against put-call parity.</summary>
public sealed class BlackScholesGreeksTests
{
    /// <summary>
    /// J. C. Hull, "Options, Futures, and Other Derivatives", chapter "The Greek Letters" (19 in the 8th–10th editions):
    /// the 20-week call with S = 49, K = 50, r = 5%, σ = 20%, T = 0.3846. Hull prints delta 0.522, gamma 0.066,
    /// vega 12.1 per unit of σ (0.121 per vol point), theta −4.31 per year (−0.0118 per calendar day) and rho 8.91 per
    /// unit of r (0.0891 per 1%); each is checked to half a unit in its last printed digit.
    /// </summary>
    [Fact]
    public void Value_HullGreekLettersExample_MatchesTextbook()
    {
        var value = BlackScholes.Value(OptionRight.Call, spot: 49, strike: 50, years: 0.3846, rate: 0.05, dividendYield: 0, volatility: 0.20);

        Assert.Equal(0.522, value.Delta, 0.0005);
        Assert.Equal(0.066, value.Gamma, 0.0005);
        Assert.Equal(0.121, value.Vega, 0.0005);
        Assert.Equal(-0.0118, value.Theta, 0.00005);
        Assert.Equal(0.0891, value.Rho, 0.00005);
    }

    /// <summary>
    /// E. G. Haug (1998), pages 11–16, as tabulated in QuantLib's test-suite/europeanoption.cpp,
    /// EuropeanOptionTest::testGreekValues (tolerance 1e-4 there and here). Haug quotes vega and rho per unit and theta
    /// per year; ours are per vol point, per 1% and per calendar day, so they are scaled back before comparing.
    /// Note the gamma and vega rows have q = 0 (with q = 10% they would be 0.0254 and 17.26).
    /// </summary>
    [Theory]
    [InlineData(OptionRight.Call, 0.5946)]
    [InlineData(OptionRight.Put, -0.3566)]
    public void Delta_HaugTable_MatchesToFourDecimals(OptionRight right, double expected) =>
        Assert.Equal(expected, BlackScholes.Value(right, spot: 105, strike: 100, years: 0.5, rate: 0.10, dividendYield: 0.10, volatility: 0.36).Delta, 1e-4);

    [Theory]
    [InlineData(OptionRight.Call)]
    [InlineData(OptionRight.Put)]
    public void GammaAndVega_HaugTable_MatchToFourDecimals(OptionRight right)
    {
        var value = BlackScholes.Value(right, spot: 55, strike: 60, years: 0.75, rate: 0.10, dividendYield: 0, volatility: 0.30);

        Assert.Equal(0.0278, value.Gamma, 1e-4);
        Assert.Equal(18.9358, value.Vega * 100, 1e-4);
    }

    [Fact]
    public void Theta_HaugTable_MatchesPerYearAndPerDay()
    {
        var value = BlackScholes.Value(OptionRight.Put, spot: 430, strike: 405, years: 1.0 / 12, rate: 0.07, dividendYield: 0.05, volatility: 0.20);

        Assert.Equal(-31.1924, value.Theta * 365, 1e-4);
        Assert.Equal(-0.0855, value.Theta, 1e-4);
    }

    [Fact]
    public void Rho_HaugTable_MatchesToFourDecimals()
    {
        var value = BlackScholes.Value(OptionRight.Call, spot: 72, strike: 75, years: 1, rate: 0.09, dividendYield: 0, volatility: 0.19);

        Assert.Equal(38.7325, value.Rho * 100, 1e-4);
    }

    /// <summary>Strikes around S = 100 from deep ITM to deep OTM, short and long expiries, low and high vol, negative rates.</summary>
    public static TheoryData<OptionRight, double, double, double, double, double> Grid()
    {
        var data = new TheoryData<OptionRight, double, double, double, double, double>();
        foreach (var right in new[] { OptionRight.Call, OptionRight.Put })
        {
            foreach (var strike in new[] { 70.0, 95, 100, 110, 140 })
            {
                foreach (var years in new[] { 7.0 / 365, 0.5, 3 })
                {
                    foreach (var volatility in new[] { 0.12, 0.6 })
                    {
                        foreach (var (rate, dividendYield) in new[] { (0.05, 0.02), (-0.005, 0.04) })
                        {
                            data.Add(right, strike, years, rate, dividendYield, volatility);
                        }
                    }
                }
            }
        }

        return data;
    }

    /// <summary>
    /// Each Greek equals the derivative of the price, taken by fourth-order central differences, in its own units:
    /// delta and gamma per 1 of spot, vega for σ + 0.01, theta for one calendar day less (−∂V/∂T ÷ 365), rho for
    /// r + 0.01. Steps are 1% of each input's natural scale (the spot step 1% of S·σ√T, so 7-day and 3-year options are
    /// resolved alike): truncation (∝ step⁴) and rounding both stay below 1e-8 relative, far below what a wrong formula
    /// or unit would show.
    /// </summary>
    [Theory]
    [MemberData(nameof(Grid))]
    public void Greeks_MatchFiniteDifferencesOfThePrice(OptionRight right, double strike, double years, double rate, double dividendYield, double volatility)
    {
        const double Spot = 100;
        double Price(double s = Spot, double t = 0, double r = 0, double v = 0) =>
            BlackScholes.Value(right, s, strike, years + t, rate + r, dividendYield, volatility + v).Price;

        var value = BlackScholes.Value(right, Spot, strike, years, rate, dividendYield, volatility);
        var ds = 1e-2 * Spot * volatility * Math.Sqrt(years);

        AssertClose(value.Delta, Derivative(h => Price(Spot + h), ds), "delta");
        AssertClose(value.Gamma, SecondDerivative(h => Price(Spot + h), ds), "gamma");
        AssertClose(value.Vega, Derivative(h => Price(v: h), 1e-3) / 100, "vega");
        AssertClose(value.Theta, -Derivative(h => Price(t: h), 1e-2 * years) / 365, "theta");
        AssertClose(value.Rho, Derivative(h => Price(r: h), 1e-3) / 100, "rho");
    }

    /// <summary>C − P = S·e^(−qT) − K·e^(−rT), and the Greeks of that forward: delta e^(−qT), no gamma or vega.</summary>
    [Theory]
    [MemberData(nameof(Grid))]
    public void CallMinusPut_IsTheDiscountedForward(OptionRight right, double strike, double years, double rate, double dividendYield, double volatility)
    {
        // The grid lists each point once per right; parity needs both, so the put rows only repeat the call rows.
        Assert.True(right is OptionRight.Call or OptionRight.Put);
        const double Spot = 100;
        var call = BlackScholes.Value(OptionRight.Call, Spot, strike, years, rate, dividendYield, volatility);
        var put = BlackScholes.Value(OptionRight.Put, Spot, strike, years, rate, dividendYield, volatility);
        var spotDiscount = Math.Exp(-dividendYield * years);
        var strikeDiscount = Math.Exp(-rate * years);

        Assert.Equal((Spot * spotDiscount) - (strike * strikeDiscount), call.Price - put.Price, 1e-12);
        Assert.Equal(spotDiscount, call.Delta - put.Delta, 1e-14);
        Assert.Equal(call.Gamma, put.Gamma, 1e-15);
        Assert.Equal(call.Vega, put.Vega, 1e-15);
        Assert.Equal(((dividendYield * Spot * spotDiscount) - (rate * strike * strikeDiscount)) / 365, call.Theta - put.Theta, 1e-15);
        Assert.Equal(years * strike * strikeDiscount / 100, call.Rho - put.Rho, 1e-13);
    }

    /// <summary>f′(0) from f(±h), f(±2h), with error O(h⁴).</summary>
    private static double Derivative(Func<double, double> f, double h) =>
        ((8 * (f(h) - f(-h))) - (f(2 * h) - f(-2 * h))) / (12 * h);

    /// <summary>f″(0) from f(0), f(±h), f(±2h), with error O(h⁴).</summary>
    private static double SecondDerivative(Func<double, double> f, double h) =>
        ((16 * (f(h) + f(-h))) - (f(2 * h) + f(-2 * h)) - (30 * f(0))) / (12 * h * h);

    private static void AssertClose(double analytic, double finiteDifference, string greek) =>
        Assert.True(
            Math.Abs(analytic - finiteDifference) <= 1e-6 * Math.Max(Math.Abs(analytic), 1e-3),
            $"{greek}: analytic {analytic:R}, central difference {finiteDifference:R}");
}
