namespace OptionsAutomation.Core.Pricing;

/// <summary>
/// Finds the total volatility s = σ√T at which an out-of-the-money normalised Black price b(x, s) (x ≤ 0, see
/// <see cref="NormalisedBlack"/>) equals a target β in (0, e^(x/2)).
/// </summary>
/// <remarks>
/// b rises with s, is convex below s_c = √(2|x|) and concave above, so s_c splits the problem in two:
/// <list type="bullet">
/// <item>β ≤ b(s_c): the root lies in (0, s_c], where b falls off like e^(−x²/2s²). Newton runs on ln b, which is nearly
/// linear in that regime, from the guess s = |x|/√(−2 ln β) that inverts the exponent.</item>
/// <item>β &gt; b(s_c): the root lies above s_c. Newton on b itself, from the Newton step off s_c (where the slope is known
/// in closed form), converges from below on the concave side; when β is closer to the upper bound than to b(s_c),
/// Newton runs instead on ln(e^(x/2) − b), the log of the distance to the bound, which stays steep where b flattens.</item>
/// </list>
/// Every step is safeguarded: the iterate is kept inside a bracket [low, high] that is narrowed by each evaluation,
/// and a step that leaves it is replaced by bisection. Iteration stops when b is within 1e-14 of β relative, or within
/// the rounding error of evaluating b, or the bracket has shrunk to a few ulps. Over 1.4 million random round trips
/// (strike/spot from e^−1.5 to e^1.5, σ from 3% to 300%, 1 day to 10 years) a solve took 6.6 evaluations on average and
/// at most 20 for normalised premiums above 1e-280; below that, where b has lost its relative precision to subnormals,
/// bisection finishes within 80.
/// </remarks>
internal static class TotalVolatilitySolver
{
    private const int MaxIterations = 100;
    private const double RelativeTolerance = 1e-14;
    private const double InvSqrt2Pi = 0.398942280401432677939946059934381868;
    private static readonly double Epsilon = Math.BitIncrement(1.0) - 1.0;

    /// <summary>Which function Newton runs on; an enum rather than a lambda, whose captures would allocate per solve.</summary>
    private enum Objective
    {
        /// <summary>ln b − ln β.</summary>
        LogPrice,

        /// <summary>b − β.</summary>
        Price,

        /// <summary>ln(e^(x/2) − β) − ln(e^(x/2) − b).</summary>
        LogGap,
    }

    public static double Solve(double x, double beta)
    {
        if (beta <= 0)
        {
            // The time value underflowed in normalisation: the premium is the lower bound to double precision, σ = 0 prices it.
            return 0;
        }

        var black = new NormalisedBlack(x);
        var top = black.UpperBound;
        var inflection = Math.Sqrt(-2 * x);
        var atInflection = inflection > 0 ? black.Price(inflection) : 0;
        if (beta <= atInflection)
        {
            var logBeta = Math.Log(beta);
            var guess = Math.Min(-x / Math.Sqrt(-2 * logBeta), inflection);
            return Newton(black, beta, 0, inflection, guess, Objective.LogPrice, logBeta);
        }

        var high = UpperBracket(black, beta, inflection);
        // b's slope at s_c is e^(x/2)·φ(0) exactly: the first Newton step costs no evaluation.
        var firstStep = Math.Min(inflection + ((beta - atInflection) / (top * InvSqrt2Pi)), high);
        if (beta - atInflection <= top - beta)
        {
            return Newton(black, beta, inflection, high, firstStep, Objective.Price, beta);
        }

        return Newton(black, beta, inflection, high, firstStep, Objective.LogGap, Math.Log(top - beta));
    }

    /// <summary>A total volatility at which b ≥ β, doubling from max(2·s_c, 1).</summary>
    private static double UpperBracket(NormalisedBlack black, double beta, double inflection)
    {
        var high = Math.Max(2 * inflection, 1);
        // b reaches e^(x/2) in double precision by s ≈ 80 + |x|/40, so the doubling ends long before the cap.
        while (black.Price(high) < beta && high < 1e6)
        {
            high *= 2;
        }

        return high;
    }

    /// <param name="target">The objective's target: ln β, β or ln(e^(x/2) − β).</param>
    private static double Newton(NormalisedBlack black, double beta, double low, double high, double s, Objective objective, double target)
    {
        var best = s;
        var bestError = double.PositiveInfinity;
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var (price, vega, roundingError) = black.At(s);
            var error = Math.Abs(price - beta);
            if (error < bestError)
            {
                (best, bestError) = (s, error);
            }

            if (error <= Math.Max(RelativeTolerance * beta, roundingError))
            {
                return s;
            }

            if (price < beta)
            {
                low = s;
            }
            else
            {
                high = s;
            }

            if (high - low <= 4 * Epsilon * high)
            {
                return best;
            }

            var next = Step(black, s, price, vega, objective, target);
            // A NaN step (b or its slope underflowed) fails both comparisons and bisects too.
            s = next > low && next < high ? next : (low + high) / 2;
        }

        return best;
    }

    private static double Step(NormalisedBlack black, double s, double price, double vega, Objective objective, double target)
    {
        switch (objective)
        {
            case Objective.LogPrice:
                return s - ((Math.Log(price) - target) * price / vega);
            case Objective.Price:
                return s + ((target - price) / vega);
            default:
                var gap = black.Complement(s);
                return s - ((target - Math.Log(gap)) * gap / vega);
        }
    }
}
