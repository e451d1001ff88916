namespace OptionsAutomation.Core.Risk.Portfolio;

/// <summary>
/// The sample statistics the risk figures are built from, in doubles (model arithmetic, not booked money).
/// Variances and covariances are sample estimates (n − 1); quantiles interpolate linearly between order
/// statistics (Hyndman–Fan type 7, numpy's default), so a historical VaR here matches numpy/pandas on the
/// same P&amp;L series.
/// </summary>
public static class RiskStatistics
{
    public static double Mean(IReadOnlyList<double> values)
    {
        RequireAtLeast(values, 1);
        return values.Sum() / values.Count;
    }

    public static double Covariance(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"series differ in length ({x.Count} and {y.Count}).", nameof(y));
        }

        RequireAtLeast(x, 2);
        var meanX = Mean(x);
        var meanY = Mean(y);
        var sum = 0.0;
        for (var i = 0; i < x.Count; i++)
        {
            sum += (x[i] - meanX) * (y[i] - meanY);
        }

        return sum / (x.Count - 1);
    }

    public static double StandardDeviation(IReadOnlyList<double> values) => Math.Sqrt(Covariance(values, values));

    /// <summary>Pearson correlation; 0 when either series does not move (no evidence of co-movement).</summary>
    public static double Correlation(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var scale = StandardDeviation(x) * StandardDeviation(y);
        return scale == 0 ? 0 : Math.Clamp(Covariance(x, y) / scale, -1, 1);
    }

    /// <summary>The <paramref name="probability"/> quantile, linear between order statistics (type 7).</summary>
    public static double Quantile(IReadOnlyList<double> values, double probability)
    {
        RequireAtLeast(values, 1);
        return Analytics.Sample.Percentile(values.Order().ToArray(), probability * 100);
    }

    private static void RequireAtLeast(IReadOnlyList<double> values, int count)
    {
        if (values.Count < count)
        {
            throw new ArgumentException($"need at least {count} value(s), got {values.Count}.", nameof(values));
        }
    }
}
