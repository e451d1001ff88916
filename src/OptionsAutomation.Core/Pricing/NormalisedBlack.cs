namespace OptionsAutomation.Core.Pricing;

/// <summary>
/// The Black call price in Jäckel's normalisation ("Let's Be Rational", 2015): divided by e^(−rT)·√(F·K), it depends only on
/// the log-moneyness x = ln(F/K) and the total volatility s = σ√T: b(x, s) = e^(x/2)·Φ(x/s + s/2) − e^(−x/2)·Φ(x/s − s/2).
/// The implied-volatility solver works on out-of-the-money options only (x ≤ 0), whose price is pure time value, so
/// 0 &lt; b &lt; e^(x/2); a put at x is the call at −x.
/// </summary>
/// <remarks>
/// One per solve, at its x, given e^(x/2) (the caller has it for the bounds): e^(−x/2) and e^x follow from it, and are computed once rather than at every step, and <see cref="At"/> gives the price,
/// its slope, its rounding error and its distance to the upper bound from two Φ and one e^(−d²/2).
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

    /// <summary>
    /// b(s_c) at the inflection point s_c = √(−2x), where d₁ = x/s_c + s_c/2 = 0 and d₂ = −s_c: Φ(d₁) = ½ and
    /// e^(−d₂²/2) = e^x, so the price costs one Φ and no exponential.
    /// </summary>
    public double PriceAtInflection(double inflection) => (0.5 * _expHalfX) - (_expMinusHalfX * NormalDistribution.Cdf(-inflection, _expX));

    /// <summary>
    /// The price at s with ∂b/∂s, the rounding error of the price (a few ulps of its larger term, which the subtraction
    /// cannot remove) and the distance to the upper bound, e^(x/2) − b = e^(x/2)·Φ(−d₁) + e^(−x/2)·Φ(d₂), computed without
    /// that subtraction: Φ(−d₁) comes from the same rational as Φ(d₁).
    /// </summary>
    public NormalisedBlackAt At(double s)
    {
        var h = _x / s;
        var d1 = h + (s / 2);
        var gaussian = NormalDistribution.ExpMinusHalfSquare(d1);
        var (spotWeight, spotComplement) = NormalDistribution.Tails(d1, gaussian);
        var strikeTerm = _expMinusHalfX * NormalDistribution.Cdf(h - (s / 2), gaussian * _expX);
        var price = (_expHalfX * spotWeight) - strikeTerm;
        var gap = (_expHalfX * spotComplement) + strikeTerm;
        return new(price, _expHalfX * NormalDistribution.PdfOf(gaussian), 4 * Epsilon * _expHalfX * spotWeight, gap);
    }
}
