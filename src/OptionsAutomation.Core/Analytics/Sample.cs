namespace OptionsAutomation.Core.Analytics;

/// <summary>
/// The numpy and scipy primitives the statistics are defined with, over doubles. "Nan" methods skip missing values
/// (numpy's nanmean, nanstd); the others expect none.
/// </summary>
internal static class Sample
{
    /// <summary>The values that are not NaN, in order.</summary>
    public static double[] Present(IEnumerable<double> values) => [.. values.Where(v => !double.IsNaN(v))];

    /// <summary>numpy.nanmean: NaN when nothing is present.</summary>
    public static double NanMean(IReadOnlyList<double> values)
    {
        var present = Present(values);
        return present.Length == 0 ? double.NaN : present.Sum() / present.Length;
    }

    /// <summary>numpy.nanstd with ddof = 1 (the sample standard deviation): NaN below two present values.</summary>
    public static double NanSampleStd(IReadOnlyList<double> values)
    {
        var present = Present(values);
        if (present.Length < 2)
        {
            return double.NaN;
        }

        var mean = present.Sum() / present.Length;
        return Math.Sqrt(present.Sum(v => (v - mean) * (v - mean)) / (present.Length - 1));
    }

    /// <summary>
    /// numpy.percentile with its default "linear" method: the value at index (n − 1) × q / 100 of the sorted values,
    /// interpolated between neighbours the way numpy does (from the nearer end, so q = 100 is exactly the maximum).
    /// </summary>
    public static double Percentile(IReadOnlyList<double> sorted, double q)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var position = (sorted.Count - 1) * (q / 100.0);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        var t = position - below;
        var (a, b) = (sorted[below], sorted[above]);
        return t >= 0.5 ? b - ((b - a) * (1 - t)) : a + ((b - a) * t);
    }

    /// <summary>
    /// The biased central moments m2, m3, m4 (divided by n), as scipy.stats.skew and kurtosis use by default.
    /// </summary>
    public static (double M2, double M3, double M4, double Mean) CentralMoments(IReadOnlyList<double> values)
    {
        var mean = values.Sum() / values.Count;
        double m2 = 0, m3 = 0, m4 = 0;
        foreach (var v in values)
        {
            var d = v - mean;
            m2 += d * d;
            m3 += d * d * d;
            m4 += d * d * d * d;
        }

        return (m2 / values.Count, m3 / values.Count, m4 / values.Count, mean);
    }

    /// <summary>
    /// scipy's test for a sample with no spread: m2 within float resolution (1e-15) of the mean squared. scipy returns
    /// NaN for skew and kurtosis then, rather than a ratio of rounding noise.
    /// </summary>
    public static bool HasNoSpread(double m2, double mean) => m2 <= Math.Pow(1e-15 * mean, 2);
}
