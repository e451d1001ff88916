namespace OptionsAutomation.Core.Pricing;

/// <summary>
/// The Black call price in Jäckel's normalisation ("Let's Be Rational", 2015): divided by e^(−rT)·√(F·K), it depends only on
/// the log-moneyness x = ln(F/K) and the total volatility s = σ√T: b(x, s) = e^(x/2)·Φ(x/s + s/2) − e^(−x/2)·Φ(x/s − s/2).
/// The implied-volatility solver works on out-of-the-money options only (x ≤ 0), whose price is pure time value, so
/// 0 &lt; b &lt; e^(x/2); a put at x is the call at −x.
/// </summary>
/// <remarks>
/// One per solve, at its x, given e^(x/2) (the caller has it for the bounds): e^(−x/2) and e^x follow from it, and are computed once rather than at every step, and <see cref="At"/> gives the price,
/// its slope and its rounding error from two Φ and one e^(−d²/2).
/// </remarks>
internal readonly struct NormalisedBlack(double x, double expHalfX)
{
    private static readonly double Epsilon = Math.BitIncrement(1.0) - 1.0;

    private readonly double _x = x;
    private readonly double _expHalfX = expHalfX;
    private readonly double _expMinusHalfX = 1 / expHalfX;

    /// <summary>e^x: e^(−d₂²/2) = e^(−d₁²/2)·e^x, so one exponential serves both Φ (and |d₂| ≥ |d₁| for x ≤ 0: no overflow).</summary>
    private readonly double _expX = expHalfX * expHalfX;

    /// <summary>e^(x/2): the price's upper bound, approached as s → ∞.</summary>
    public double UpperBound => _expHalfX;

    public double Price(double s) => At(s).Price;

    /// <summary>The price at s with ∂b/∂s and the rounding error of the price: a few ulps of its larger term, which the subtraction cannot remove.</summary>
    public NormalisedBlackAt At(double s)
    {
        var h = _x / s;
        var d1 = h + (s / 2);
        var gaussian = NormalDistribution.ExpMinusHalfSquare(d1);
        var spotWeight = NormalDistribution.Cdf(d1, gaussian);
        var price = (_expHalfX * spotWeight) - (_expMinusHalfX * NormalDistribution.Cdf(h - (s / 2), gaussian * _expX));
        return new(price, _expHalfX * NormalDistribution.PdfOf(gaussian), 4 * Epsilon * _expHalfX * spotWeight, gaussian);
    }

    /// <summary>e^(x/2) − b(x, s), the distance to the upper bound, computed without that subtraction, reusing At(s)'s Gaussian factor.</summary>
    public double Complement(double s, double gaussian)
    {
        var h = _x / s;
        return (_expHalfX * NormalDistribution.Cdf(-h - (s / 2), gaussian)) + (_expMinusHalfX * NormalDistribution.Cdf(h - (s / 2), gaussian * _expX));
    }
}
