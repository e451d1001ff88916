using OptionsAutomation.Core.Pricing;

namespace OptionsAutomation.Core.Risk.Portfolio;

/// <summary>
/// Φ⁻¹, the standard normal quantile, for the parametric VaR's z: P. J. Acklam's rational approximation
/// (relative error 1.15e-9) polished by one Halley step against the Core's Φ, which brings it to double precision.
/// </summary>
public static class NormalQuantile
{
    private static readonly double[] A = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
    private static readonly double[] B = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
    private static readonly double[] C = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
    private static readonly double[] D = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
    private const double Low = 0.02425;

    public static double Of(double probability)
    {
        if (!(probability is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "probability must be in (0, 1).");
        }

        double x;
        if (probability < Low)
        {
            var q = Math.Sqrt(-2 * Math.Log(probability));
            x = Tail(q);
        }
        else if (probability > 1 - Low)
        {
            var q = Math.Sqrt(-2 * Math.Log(1 - probability));
            x = -Tail(q);
        }
        else
        {
            var q = probability - 0.5;
            var r = q * q;
            x = (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
                / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
        }

        var error = NormalDistribution.Cdf(x) - probability;
        var u = error / NormalDistribution.Pdf(x);
        return x - (u / (1 + (x * u / 2)));
    }

    private static double Tail(double q) =>
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
        / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
}
