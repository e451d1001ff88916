namespace OptionsAutomation.Core.Pricing;

/// <summary>
/// The Black call price in Jäckel's normalisation ("Let's Be Rational", 2015): divided by e^(−rT)·√(F·K), it depends only on
/// the log-moneyness x = ln(F/K) and the total volatility s = σ√T: b(x, s) = e^(x/2)·Φ(x/s + s/2) − e^(−x/2)·Φ(x/s − s/2).
/// The implied-volatility solver works on out-of-the-money options only (x ≤ 0), whose price is pure time value, so
/// 0 &lt; b &lt; e^(x/2); a put at x is the call at −x.
/// </summary>
internal static class NormalisedBlack
{
    private static readonly double Epsilon = Math.BitIncrement(1.0) - 1.0;

    public static double Price(double x, double s)
    {
        var h = x / s;
        return (Math.Exp(x / 2) * NormalDistribution.Cdf(h + (s / 2))) - (Math.Exp(-x / 2) * NormalDistribution.Cdf(h - (s / 2)));
    }

    /// <summary>e^(x/2) − b(x, s), the distance to the upper bound, computed without that subtraction.</summary>
    public static double Complement(double x, double s)
    {
        var h = x / s;
        return (Math.Exp(x / 2) * NormalDistribution.Cdf(-h - (s / 2))) + (Math.Exp(-x / 2) * NormalDistribution.Cdf(h - (s / 2)));
    }

    /// <summary>∂b/∂s.</summary>
    public static double Vega(double x, double s) => Math.Exp(x / 2) * NormalDistribution.Pdf((x / s) + (s / 2));

    /// <summary>The rounding error of <see cref="Price"/>: a few ulps of its larger term, which the subtraction cannot remove.</summary>
    public static double RoundingError(double x, double s) => 4 * Epsilon * Math.Exp(x / 2) * NormalDistribution.Cdf((x / s) + (s / 2));
}
