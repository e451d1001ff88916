using System.Runtime.CompilerServices;

namespace OptionsAutomation.Core.Pricing;

/// <summary>
/// The standard normal density φ and distribution function Φ in double precision.
/// </summary>
/// <remarks>
/// Φ(x) = ½·erfc(−x/√2) with erfc from W. J. Cody's rational Chebyshev approximations ("Rational Chebyshev
/// approximations for the error function", Math. Comp. 23 (1969) 631–638; coefficients as in netlib specfun
/// CALERF, 1990), which approximate erf and erfc to about 18 significant digits. Written out here rather than
/// taken from MathNet.Numerics because Core depends on the BCL only, and three short tables of published
/// coefficients are less to audit than a numerics package.
/// The tail is formed as a product, never as 1 − something, and e^(−x²/2) is evaluated with x split into a
/// part whose square is exact plus a small remainder (Cody's device), so rounding x² does not cost x² ulps:
/// Φ keeps about 1e-15 relative accuracy down to x ≈ −37.5, where it leaves the normal double range and
/// is returned as 0.
/// </remarks>
internal static class NormalDistribution
{
    private const double InvSqrt2Pi = 0.398942280401432677939946059934381868;
    private const double InvSqrtPi = 0.564189583547756286948079451560772586;
    private const double InvSqrt2 = 0.707106781186547524400844362104849039;

    /// <summary>|x|/√2 up to which erf is approximated directly (Cody's THRESH).</summary>
    private const double ErfThreshold = 0.46875;

    /// <summary>Below this y = |x|/√2, y² adds nothing to 1 (Cody's XSMALL for IEEE doubles).</summary>
    private const double TinyArgument = 1.11e-16;

    /// <summary>From here on erfc(y) underflows the normal doubles (Cody's XBIG for IEEE doubles).</summary>
    private const double UnderflowArgument = 26.543;

    /// <summary>erf(y) ≈ y·A(y²)/B(y²) for y ≤ 0.46875.</summary>
    private static ReadOnlySpan<double> A =>
        [3.16112374387056560e00, 1.13864154151050156e02, 3.77485237685302021e02, 3.20937758913846947e03, 1.85777706184603153e-1];

    private static ReadOnlySpan<double> B =>
        [2.36012909523441209e01, 2.44024637934444173e02, 1.28261652607737228e03, 2.84423683343917062e03];

    /// <summary>erfc(y) ≈ e^(−y²)·C(y)/D(y) for 0.46875 &lt; y ≤ 4.</summary>
    private static ReadOnlySpan<double> C =>
    [
        5.64188496988670089e-1, 8.88314979438837594e00, 6.61191906371416295e01, 2.98635138197400131e02,
        8.81952221241769090e02, 1.71204761263407058e03, 2.05107837782607147e03, 1.23033935479799725e03,
        2.15311535474403846e-8,
    ];

    private static ReadOnlySpan<double> D =>
    [
        1.57449261107098347e01, 1.17693950891312499e02, 5.37181101862009858e02, 1.62138957456669019e03,
        3.29079923573345963e03, 4.36261909014324716e03, 3.43936767414372164e03, 1.23033935480374942e03,
    ];

    /// <summary>erfc(y) ≈ e^(−y²)·(1/√π − P(1/y²)/Q(1/y²)/y²)/y for y &gt; 4.</summary>
    private static ReadOnlySpan<double> P =>
    [
        3.05326634961232344e-1, 3.60344899949804439e-1, 1.25781726111229246e-1, 1.60837851487422766e-2,
        6.58749161529837803e-4, 1.63153871373020978e-2,
    ];

    private static ReadOnlySpan<double> Q =>
        [2.56852019228982242e00, 1.87295284992346047e00, 5.27905102951428412e-1, 6.05183413124413191e-2, 2.33520497626869185e-3];

    /// <summary>
    /// e^(−w²/2) for w = i/16, i = 0 … 639: the exact-square part of <see cref="ExpMinusHalfSquare"/>, looked up rather
    /// than recomputed, so each Gaussian factor costs one exponential instead of two. Filled with the very expression it
    /// replaces, so results are bit for bit those of computing it.
    /// </summary>
    private static readonly double[] WholeSquares = [.. Enumerable.Range(0, GaussianCutoff * 16).Select(i => Math.Exp(-(i / 16.0) * (i / 16.0) / 2))];

    /// <summary>Beyond this |x|, e^(−x²/2) underflows the double range and is returned as 0.</summary>
    private const int GaussianCutoff = 40;

    public static double Pdf(double x) => InvSqrt2Pi * ExpMinusHalfSquare(x);

    /// <summary>φ(x) from its Gaussian factor e^(−x²/2) (see <see cref="ExpMinusHalfSquare"/>).</summary>
    public static double PdfOf(double gaussian) => InvSqrt2Pi * gaussian;

    public static double Cdf(double x) => Cdf(x, double.NaN);

    /// <summary>
    /// Φ(x) reusing <paramref name="gaussian"/> = e^(−x²/2) when the caller already has it for φ(x) (NaN: not known,
    /// computed when needed). Black–Scholes needs φ and Φ at the same d, and this shares their one exponential.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Cdf(double x, double gaussian) => Tails(x, gaussian).Below;

    /// <summary>
    /// Φ(x) and Φ(−x) = 1 − Φ(x) from one rational approximation, each to full relative precision: the one that is
    /// small is the tail itself, never 1 less something. The implied-volatility solver needs both at d₁ (the price and
    /// its distance to the upper bound).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Below, double Above) Tails(double x, double gaussian)
    {
        var y = Math.Abs(x) * InvSqrt2;
        if (y <= ErfThreshold)
        {
            var half = 0.5 * Math.CopySign(Erf(y), x);
            return (0.5 + half, 0.5 - half);
        }

        var lowerTail = 0.5 * Erfc(x, y, gaussian);
        return x < 0 ? (lowerTail, 1 - lowerTail) : (1 - lowerTail, lowerTail);
    }

    /// <summary>erf(y) for 0 ≤ y ≤ 0.46875.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Erf(double y)
    {
        var z = y > TinyArgument ? y * y : 0;
        var numerator = Fma(Fma(Fma(Fma(A[4], z, A[0]), z, A[1]), z, A[2]), z, A[3]);
        var denominator = Fma(Fma(Fma(z + B[0], z, B[1]), z, B[2]), z, B[3]);
        return y * numerator / denominator;
    }

    /// <summary>erfc(y) for y = |x|/√2 &gt; 0.46875; the Gaussian factor is e^(−x²/2), given or taken from x itself.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Erfc(double x, double y, double gaussian)
    {
        if (y >= UnderflowArgument)
        {
            return 0;
        }

        var rational = y <= 4 ? NearTail(y) : FarTail(y);
        return (double.IsNaN(gaussian) ? ExpMinusHalfSquare(x) : gaussian) * rational;
    }

    /// <summary>
    /// C(y)/D(y), both of degree 8, by Estrin's scheme: pairs of terms combined independently, so the dependency chain
    /// is four fused multiply-adds deep rather than Horner's eight. Every coefficient is positive and y &gt; 0, so the
    /// order of summation costs no accuracy.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double NearTail(double y)
    {
        var y2 = y * y;
        var y4 = y2 * y2;
        var y8 = y4 * y4;
        var numeratorLow = Fma(Fma(C[4], y, C[5]), y2, Fma(C[6], y, C[7]));
        var numeratorHigh = Fma(Fma(C[0], y, C[1]), y2, Fma(C[2], y, C[3]));
        var numerator = Fma(C[8], y8, Fma(numeratorHigh, y4, numeratorLow));
        var denominatorLow = Fma(Fma(D[4], y, D[5]), y2, Fma(D[6], y, D[7]));
        var denominatorHigh = Fma(Fma(D[0], y, D[1]), y2, Fma(D[2], y, D[3]));
        var denominator = y8 + Fma(denominatorHigh, y4, denominatorLow);
        return numerator / denominator;
    }

    /// <summary>(1/√π − P(1/y²)/Q(1/y²)/y²)/y.</summary>
    private static double FarTail(double y)
    {
        var z = 1 / (y * y);
        var numerator = Fma(Fma(Fma(Fma(Fma(P[5], z, P[0]), z, P[1]), z, P[2]), z, P[3]), z, P[4]);
        var denominator = Fma(Fma(Fma(Fma(z + Q[0], z, Q[1]), z, Q[2]), z, Q[3]), z, Q[4]);
        return (InvSqrtPi - (z * numerator / denominator)) / y;
    }

    /// <summary>a·x + b rounded once: more accurate than the product and sum, and one instruction on x64 and ARM64.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Fma(double a, double x, double b) => Math.FusedMultiplyAdd(a, x, b);

    /// <summary>
    /// e^(−x²/2) without the x²·ε relative error of rounding x²: x = w + d with w a multiple of 1/16, so w² is
    /// exact and only the small term (x − w)(x + w) is rounded.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ExpMinusHalfSquare(double x)
    {
        var a = Math.Abs(x);
        if (a >= GaussianCutoff)
        {
            return 0;
        }

        if (double.IsNaN(a))
        {
            return a;
        }

        var sixteenths = (int)(a * 16);
        var whole = sixteenths / 16.0;
        var rest = (a - whole) * (a + whole);
        return WholeSquares[sixteenths] * Math.Exp(-rest / 2);
    }
}
