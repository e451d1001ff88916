namespace OptionsAutomation.Core.Pricing;

/// <summary>
/// Finds the total volatility s = σ√T at which an out-of-the-money normalised Black price b(x, s) (x ≤ 0, see
/// <see cref="NormalisedBlack"/>) equals a target β in (0, e^(x/2)).
/// </summary>
/// <remarks>
/// The method of P. Jäckel, "Let's Be Rational", Wilmott (2015) 40–53: b rises with s, is convex below s_c = √(2|x|) and
/// concave above, and the root is found by Householder's third-order method on whichever transform of b is nearly linear
/// in s where the root lies, so that two or three steps reach double precision:
/// <list type="bullet">
/// <item>β ≤ b(s_c) (the lower branch, where b falls off like e^(−x²/2s²)): g = 1/ln b − 1/ln β, from the guess
/// s = |x|/√(−2 ln β) that inverts the exponent.</item>
/// <item>b(s_c) &lt; β, nearer b(s_c) than the bound e^(x/2): g = b − β, from the Newton step off s_c, where b's slope is
/// e^(x/2)·φ(0) in closed form.</item>
/// <item>β nearer the bound: g = ln(e^(x/2) − β) − ln(e^(x/2) − b), the log of the distance to the bound, which stays steep
/// where b flattens, from the same first step.</item>
/// </list>
/// Householder's step needs g'/g, g''/g' and g'''/g', which follow from b's own derivatives: ∂b/∂s = e^(x/2)·φ(x/s + s/2),
/// b''/b' = x²/s³ − s/4, b'''/b' = (b''/b')² − 3x²/s⁴ − 1/4 (Jäckel's equations (4)–(6)), through the chain rule for the
/// transform G(b): g''/g' = (G''/G')·b' + b''/b', g'''/g' = (G'''/G')·b'² + 3(G''/G')·b'' + b'''/b'. Jäckel's four-branch
/// rational initial guess is not used: it needs b at a second point (s_l or s_h) besides b(s_c), one evaluation as dear
/// as a step, and with these simpler guesses a solve takes about two evaluations after b(s_c) (2.1 on the SPY strip and
/// on the test grid), which is what the rational guess plus Jäckel's two steps cost. b(s_c) itself costs one Φ (d₁ = 0).
/// Every step is safeguarded: the iterate is kept inside a bracket [low, high] narrowed by each evaluation, and a step
/// that leaves it is replaced by bisection (doubling while no upper end is known). Iteration stops when b is within 1e-14
/// of β relative, or within the rounding error of evaluating b, or the bracket has shrunk to a few ulps.
/// </remarks>
internal static class TotalVolatilitySolver
{
    private const int MaxIterations = 100;
    private const double RelativeTolerance = 1e-14;

    /// <summary>
    /// A Householder step this small, relative to s, is taken as the last without evaluating b at its end. The step is
    /// of the order of the error it removes, and the method converges with order four, so the error left is of order
    /// (1e-3)⁴ = 1e-12 relative to s (with the transforms' constants near 1): inside the 1e-10 the callers need, which a
    /// seeded 20,000-point round trip checks (ImpliedVolatilityErrorBoundTests), and it saves the third evaluation that
    /// would only confirm it.
    /// </summary>
    private const double ConvergedStep = 1e-3;
    private const double InvSqrt2Pi = 0.398942280401432677939946059934381868;
    private const double LogSqrt2Pi = 0.918938533204672741780329736405617640;
    private static readonly double Epsilon = Math.BitIncrement(1.0) - 1.0;

    /// <summary>Which transform of b the steps run on.</summary>
    private enum Objective
    {
        /// <summary>1/ln b − 1/ln β.</summary>
        InverseLogPrice,

        /// <summary>b − β.</summary>
        Price,

        /// <summary>ln(e^(x/2) − β) − ln(e^(x/2) − b).</summary>
        LogGap,
    }

    /// <param name="expHalfX">e^(x/2), which the caller has already computed for the bounds.</param>
    public static double Solve(double x, double expHalfX, double beta)
    {
        if (beta <= 0)
        {
            // The time value underflowed in normalisation: the premium is the lower bound to double precision, σ = 0 prices it.
            return 0;
        }

        var black = new NormalisedBlack(x, expHalfX);
        var top = black.UpperBound;
        var inflection = Math.Sqrt(-2 * x);
        var atInflection = inflection > 0 ? black.PriceAtInflection(inflection) : 0;
        if (beta <= atInflection)
        {
            var logBeta = Math.Log(beta);
            return Iterate(black, x, beta, 0, inflection, LowerGuess(x, beta, logBeta, inflection, atInflection, top), Objective.InverseLogPrice, logBeta);
        }

        // b's slope at s_c is e^(x/2)·φ(0) exactly: the first step costs no evaluation.
        var firstStep = inflection + ((beta - atInflection) / (top * InvSqrt2Pi));
        // The objective's constant: β, or ln(e^(x/2) − β).
        return beta - atInflection <= top - beta
            ? Iterate(black, x, beta, inflection, double.PositiveInfinity, firstStep, Objective.Price, beta)
            : Iterate(black, x, beta, inflection, double.PositiveInfinity, firstStep, Objective.LogGap, Math.Log(top - beta));
    }

    /// <summary>
    /// A first s below s_c. Far from the money b ≈ b'(s)·s³/x² (the leading term of Φ's tail at both d, b' as in the
    /// remarks), whose logarithm −x²/2s² − s²/8 + ln(s³/(x²√(2π))) = ln β is solved by two fixed-point steps from
    /// s = |x|/√(−2 ln β); near the money, where |x|/s is small and that tail expansion fails, b is nearly linear and the
    /// tangent at s_c (slope e^(x/2)·φ(0)) is the better guess. The tangent of the convex b lies under it, so its root is
    /// an upper bound on s. The tangent is tried first: near the money it is the guess, and the logarithms are not needed.
    /// </summary>
    private static double LowerGuess(double x, double beta, double logBeta, double inflection, double atInflection, double top)
    {
        var tangent = inflection - ((atInflection - beta) / (top * InvSqrt2Pi));
        if (-x < tangent / 2)
        {
            return tangent;
        }

        var s = -x / Math.Sqrt(-2 * logBeta);
        for (var i = 0; i < 2; i++)
        {
            var exponent = (Math.Log(s * s * s / (x * x)) - LogSqrt2Pi) - (s * s / 8) - logBeta;
            s = exponent > 0 ? -x / Math.Sqrt(2 * exponent) : s;
        }

        return Math.Sqrt(Math.Min(s, tangent) * tangent);
    }

    /// <param name="target">The objective's constant: ln β, β or ln(e^(x/2) − β).</param>
    private static double Iterate(NormalisedBlack black, double x, double beta, double low, double high, double s, Objective objective, double target)
    {
        var best = s;
        var bestError = double.PositiveInfinity;
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var at = black.At(s);
            var error = Math.Abs(at.Price - beta);
            if (error < bestError)
            {
                (best, bestError) = (s, error);
            }

            if (error <= Math.Max(RelativeTolerance * beta, at.RoundingError))
            {
                return s;
            }

            if (at.Price < beta)
            {
                low = s;
            }
            else
            {
                high = s;
            }

            if (double.IsFinite(high) && high - low <= 4 * Epsilon * high)
            {
                return best;
            }

            var step = Step(x, s, at, objective, target);
            var next = s + step;
            if (Math.Abs(step) <= ConvergedStep * s && next > low && next < high)
            {
                return next;
            }

            // A NaN step (b or its slope underflowed) fails both comparisons and bisects too.
            s = next > low && next < high ? next
                : double.IsPositiveInfinity(high) ? 2 * Math.Max(s, low)
                : (low + high) / 2;
        }

        return best;
    }

    /// <summary>Householder's third-order step ν·(1 + ν·h₂/2)/(1 + ν·(h₂ + ν·h₃/6)), with ν = −g/g', h₂ = g''/g', h₃ = g'''/g'.</summary>
    private static double Step(double x, double s, NormalisedBlackAt at, Objective objective, double target)
    {
        var xOverS = x / s;
        var curvature = (xOverS * xOverS / s) - (s / 4);
        var third = (curvature * curvature) - (3 * xOverS * xOverS / (s * s)) - 0.25;
        double newton, h2, h3;
        switch (objective)
        {
            case Objective.InverseLogPrice:
            {
                // G(b) = 1/ln b: G''/G' = −(1 + 2λ)/b and G'''/G' = 2(1 + 3λ + 3λ²)/b², with λ = 1/ln b.
                var logPrice = Math.Log(at.Price);
                var lambda = 1 / logPrice;
                var slope = at.Vega / at.Price;
                newton = (target - logPrice) * logPrice / target / slope;
                h2 = curvature - ((1 + (2 * lambda)) * slope);
                h3 = third + (2 * (1 + (3 * lambda * (1 + lambda))) * slope * slope) - (3 * (1 + (2 * lambda)) * slope * curvature);
                break;
            }

            case Objective.Price:
                newton = (target - at.Price) / at.Vega;
                (h2, h3) = (curvature, third);
                break;

            default:
            {
                // G(b) = −ln(e^(x/2) − b): G''/G' = 1/gap and G'''/G' = 2/gap².
                var slope = at.Vega / at.Gap;
                newton = (Math.Log(at.Gap) - target) / slope;
                h2 = curvature + slope;
                h3 = third + (2 * slope * slope) + (3 * slope * curvature);
                break;
            }
        }

        return newton * (1 + (newton * h2 / 2)) / (1 + (newton * (h2 + (newton * h3 / 6))));
    }
}
