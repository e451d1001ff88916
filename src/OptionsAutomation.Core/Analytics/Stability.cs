namespace OptionsAutomation.Core.Analytics;

/// <summary>
/// empyrical's stability_of_timeseries: R² of an ordinary least-squares line through the cumulative log returns
/// (missing returns dropped) against their index. 1 is a steady compounding; near 0, growth that no line describes.
/// </summary>
public static class Stability
{
    /// <summary>NaN below two periods (missing ones counted, as empyrical); 0 when the cumulative log return never moves (scipy's r for no spread).</summary>
    public static double Of(IReadOnlyList<double> returns)
    {
        if (returns.Count < 2)
        {
            return double.NaN;
        }

        var present = Sample.Present(returns);
        var cumulative = new double[present.Length];
        var sum = 0.0;
        for (var i = 0; i < present.Length; i++)
        {
            sum += Math.Log(1 + present[i]);
            cumulative[i] = sum;
        }

        var r = Correlation(cumulative);
        return r * r;
    }

    /// <summary>Pearson's r between 0, 1, 2, … and the values, as scipy.stats.linregress computes it (clipped to ±1).</summary>
    private static double Correlation(double[] values)
    {
        var n = values.Length;
        var (meanX, meanY) = ((n - 1) / 2.0, values.Average());
        double sxx = 0, syy = 0, sxy = 0;
        for (var i = 0; i < n; i++)
        {
            var (dx, dy) = (i - meanX, values[i] - meanY);
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }

        return sxx == 0 || syy == 0 ? 0.0 : Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1.0, 1.0);
    }
}
