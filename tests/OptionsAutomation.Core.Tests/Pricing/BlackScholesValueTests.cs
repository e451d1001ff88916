using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Pricing;

namespace OptionsAutomation.Core.Tests.Pricing;

/// <summary>Option values against published tables and textbook examples.</summary>
public sealed class BlackScholesValueTests
{
    /// <summary>
    /// E. G. Haug, "The Complete Guide to Option Pricing Formulas" (McGraw-Hill, 1998), as tabulated in QuantLib's
    /// test-suite/europeanoption.cpp, EuropeanOptionTest::testValues. Published to 4 decimals; QuantLib's tolerance
    /// of 1e-4 is kept because Haug rounds 1.873345 to 1.8734.
    /// </summary>
    public static TheoryData<OptionRight, double, double, double, double, double, double, double> HaugValues => new()
    {
        // right, strike, spot, q, r, years, vol, value
        // pages 2-8
        { OptionRight.Call, 65.00, 60.00, 0.00, 0.08, 0.25, 0.30, 2.1334 },
        { OptionRight.Put, 95.00, 100.00, 0.05, 0.10, 0.50, 0.20, 2.4648 },
        { OptionRight.Put, 19.00, 19.00, 0.10, 0.10, 0.75, 0.28, 1.7011 },
        { OptionRight.Call, 19.00, 19.00, 0.10, 0.10, 0.75, 0.28, 1.7011 },
        { OptionRight.Call, 1.60, 1.56, 0.08, 0.06, 0.50, 0.12, 0.0291 },
        { OptionRight.Put, 70.00, 75.00, 0.05, 0.10, 0.50, 0.35, 4.0870 },
        // page 24
        { OptionRight.Call, 100.00, 90.00, 0.10, 0.10, 0.10, 0.15, 0.0205 },
        { OptionRight.Call, 100.00, 100.00, 0.10, 0.10, 0.10, 0.15, 1.8734 },
        { OptionRight.Call, 100.00, 110.00, 0.10, 0.10, 0.10, 0.15, 9.9413 },
        { OptionRight.Call, 100.00, 90.00, 0.10, 0.10, 0.10, 0.25, 0.3150 },
        { OptionRight.Call, 100.00, 100.00, 0.10, 0.10, 0.10, 0.25, 3.1217 },
        { OptionRight.Call, 100.00, 110.00, 0.10, 0.10, 0.10, 0.25, 10.3556 },
        { OptionRight.Call, 100.00, 90.00, 0.10, 0.10, 0.10, 0.35, 0.9474 },
        { OptionRight.Call, 100.00, 100.00, 0.10, 0.10, 0.10, 0.35, 4.3693 },
        { OptionRight.Call, 100.00, 110.00, 0.10, 0.10, 0.10, 0.35, 11.1381 },
        { OptionRight.Call, 100.00, 90.00, 0.10, 0.10, 0.50, 0.15, 0.8069 },
        { OptionRight.Call, 100.00, 100.00, 0.10, 0.10, 0.50, 0.15, 4.0232 },
        { OptionRight.Call, 100.00, 110.00, 0.10, 0.10, 0.50, 0.15, 10.5769 },
        { OptionRight.Call, 100.00, 90.00, 0.10, 0.10, 0.50, 0.25, 2.7026 },
        { OptionRight.Call, 100.00, 100.00, 0.10, 0.10, 0.50, 0.25, 6.6997 },
        { OptionRight.Call, 100.00, 110.00, 0.10, 0.10, 0.50, 0.25, 12.7857 },
        { OptionRight.Call, 100.00, 90.00, 0.10, 0.10, 0.50, 0.35, 4.9329 },
        { OptionRight.Call, 100.00, 100.00, 0.10, 0.10, 0.50, 0.35, 9.3679 },
        { OptionRight.Call, 100.00, 110.00, 0.10, 0.10, 0.50, 0.35, 15.3086 },
        { OptionRight.Put, 100.00, 90.00, 0.10, 0.10, 0.10, 0.15, 9.9210 },
        { OptionRight.Put, 100.00, 100.00, 0.10, 0.10, 0.10, 0.15, 1.8734 },
        { OptionRight.Put, 100.00, 110.00, 0.10, 0.10, 0.10, 0.15, 0.0408 },
        { OptionRight.Put, 100.00, 90.00, 0.10, 0.10, 0.10, 0.25, 10.2155 },
        { OptionRight.Put, 100.00, 100.00, 0.10, 0.10, 0.10, 0.25, 3.1217 },
        { OptionRight.Put, 100.00, 110.00, 0.10, 0.10, 0.10, 0.25, 0.4551 },
        { OptionRight.Put, 100.00, 90.00, 0.10, 0.10, 0.10, 0.35, 10.8479 },
        { OptionRight.Put, 100.00, 100.00, 0.10, 0.10, 0.10, 0.35, 4.3693 },
        { OptionRight.Put, 100.00, 110.00, 0.10, 0.10, 0.10, 0.35, 1.2376 },
        { OptionRight.Put, 100.00, 90.00, 0.10, 0.10, 0.50, 0.15, 10.3192 },
        { OptionRight.Put, 100.00, 100.00, 0.10, 0.10, 0.50, 0.15, 4.0232 },
        { OptionRight.Put, 100.00, 110.00, 0.10, 0.10, 0.50, 0.15, 1.0646 },
        { OptionRight.Put, 100.00, 90.00, 0.10, 0.10, 0.50, 0.25, 12.2149 },
        { OptionRight.Put, 100.00, 100.00, 0.10, 0.10, 0.50, 0.25, 6.6997 },
        { OptionRight.Put, 100.00, 110.00, 0.10, 0.10, 0.50, 0.25, 3.2734 },
        { OptionRight.Put, 100.00, 90.00, 0.10, 0.10, 0.50, 0.35, 14.4452 },
        { OptionRight.Put, 100.00, 100.00, 0.10, 0.10, 0.50, 0.35, 9.3679 },
        { OptionRight.Put, 100.00, 110.00, 0.10, 0.10, 0.50, 0.35, 5.7963 },
        // page 27
        { OptionRight.Call, 40.00, 42.00, 0.08, 0.04, 0.75, 0.35, 5.0975 },
    };

    [Theory]
    [MemberData(nameof(HaugValues))]
    public void Value_HaugTable_MatchesToFourDecimals(
        OptionRight right, double strike, double spot, double dividendYield, double rate, double years, double volatility, double expected)
    {
        var value = BlackScholes.Value(right, spot, strike, years, rate, dividendYield, volatility);

        Assert.Equal(expected, value.Price, 1e-4);
    }

    /// <summary>J. C. Hull, "Options, Futures, and Other Derivatives", Example 15.6 (13.6 in older editions): 4.76 and 0.81.</summary>
    [Theory]
    [InlineData(OptionRight.Call, 4.76)]
    [InlineData(OptionRight.Put, 0.81)]
    public void Value_HullExample_MatchesTextbookToTheCent(OptionRight right, double expected)
    {
        var value = BlackScholes.Value(right, spot: 42, strike: 40, years: 0.5, rate: 0.10, dividendYield: 0, volatility: 0.20);

        Assert.Equal(expected, value.Price, 0.005);
    }

    /// <summary>
    /// Every field at full precision: references evaluated in 40-digit arithmetic (mpmath 1.3, ncdf/npdf) from the
    /// same closed forms and the same double inputs, so these pin the implementation to 1e-13 rather than to a
    /// table's last digit.
    /// </summary>
    public static TheoryData<OptionRight, double, double, double, double, double, double, OptionValuation> HighPrecision => new()
    {
        // right, spot, strike, years, rate, q, vol, expected (per share, per vol point, per day, per 1%)
        {
            OptionRight.Call, 42, 40, 0.5, 0.10, 0, 0.20,
            new(4.759422392871533, 0.779131290942669, 0.04996267040591185, 0.08813415059602851, -0.012490663546829116, 0.1398204591336028)
        },
        {
            OptionRight.Put, 42, 40, 0.5, 0.10, 0, 0.20,
            new(0.8085993729000936, -0.22086870905733105, 0.04996267040591185, 0.08813415059602851, -0.0020662314975062207, -0.050425425766539994)
        },
        {
            OptionRight.Put, 100, 150, 2.0, 0.05, 0.03, 0.15,
            new(41.96219547807312, -0.8918832201673568, 0.004793437445115368, 0.14380312335346104, 0.009157847949761346, -2.6230103498961763)
        },
    };

    [Theory]
    [MemberData(nameof(HighPrecision))]
    public void Value_EveryField_MatchesHighPrecisionReference(
        OptionRight right, double spot, double strike, double years, double rate, double dividendYield, double volatility, OptionValuation expected)
    {
        var value = BlackScholes.Value(right, spot, strike, years, rate, dividendYield, volatility);

        AssertRelative(expected.Price, value.Price, 1e-13, nameof(value.Price));
        AssertGreeks(expected, value, 1e-13);
    }

    /// <summary>
    /// A 2-day call 50% out of the money sits 36 standard deviations out: a test of the normal distribution's tail.
    /// Reference from mpmath as above. The tolerances are the problem's conditioning, not slack: an ulp of error in
    /// d₁ ≈ −36 moves φ(d₁) by d₁² ulps (3e-13 relative), and the price is the difference of two terms 3,300 times
    /// larger than itself, which magnifies the same rounding to ~1e-10. Without the tail-accurate Φ these values would
    /// be 0 or wrong in the first digit.
    /// </summary>
    [Fact]
    public void Value_36SigmaOutOfTheMoney_KeepsRelativeAccuracyInTheTail()
    {
        var expected = new OptionValuation(
            1.596031767169087e-293, 5.256221868062226e-292, 1.729216737445083e-290, 1.4212740307767806e-291, -5.332655550639581e-291, 2.8792470335863323e-294);

        var value = BlackScholes.Value(OptionRight.Call, spot: 100, strike: 150, years: 2.0 / 365, rate: 0.05, dividendYield: 0.03, volatility: 0.15);

        AssertRelative(expected.Price, value.Price, 1e-9, nameof(value.Price));
        AssertGreeks(expected, value, 1e-12);
    }

    private static void AssertGreeks(OptionValuation expected, OptionValuation actual, double tolerance)
    {
        AssertRelative(expected.Delta, actual.Delta, tolerance, nameof(actual.Delta));
        AssertRelative(expected.Gamma, actual.Gamma, tolerance, nameof(actual.Gamma));
        AssertRelative(expected.Vega, actual.Vega, tolerance, nameof(actual.Vega));
        AssertRelative(expected.Theta, actual.Theta, tolerance, nameof(actual.Theta));
        AssertRelative(expected.Rho, actual.Rho, tolerance, nameof(actual.Rho));
    }

    private static void AssertRelative(double expected, double actual, double tolerance, string field) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected), $"{field}: expected {expected:R}, got {actual:R}");
}
