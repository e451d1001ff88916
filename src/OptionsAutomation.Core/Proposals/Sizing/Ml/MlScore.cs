namespace OptionsAutomation.Core.Proposals.Sizing.Ml;

/// <summary>
/// How well predictions of return on risk matched what the trades realised, out of sample: R² against the mean of
/// what was realised (negative when the model does worse than that constant), the mean absolute error, and Spearman's
/// rank correlation — the one that matters for sizing, which only needs the better trades ranked above the worse.
/// Null where it is undefined (fewer than 2 rows, or no spread in either series). Statistics in <see cref="double"/>.
/// </summary>
public sealed record MlScore(int Rows, double? RSquared, double? MeanAbsoluteError, double? Spearman)
{
    public static MlScore Of(IReadOnlyList<double> predicted, IReadOnlyList<double> realised)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(realised);
        if (predicted.Count != realised.Count)
        {
            throw new ArgumentException("predictions and realised values differ in count.", nameof(predicted));
        }

        var n = predicted.Count;
        if (n == 0)
        {
            return new MlScore(0, null, null, null);
        }

        var mae = predicted.Zip(realised, (p, r) => Math.Abs(p - r)).Average();
        var mean = realised.Average();
        var total = realised.Sum(r => (r - mean) * (r - mean));
        var residual = predicted.Zip(realised, (p, r) => (r - p) * (r - p)).Sum();
        var rSquared = n >= 2 && total > 0 ? 1 - (residual / total) : (double?)null;
        return new MlScore(n, Round(rSquared), Round(mae), Round(n >= 2 ? Pearson(Ranks(predicted), Ranks(realised)) : null));
    }

    /// <summary>Average ranks (ties share the mean of their positions), 1-based.</summary>
    public static double[] Ranks(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }

            var rank = ((start + end) / 2.0) + 1;
            for (var k = start; k <= end; k++)
            {
                ranks[order[k]] = rank;
            }

            start = end + 1;
        }

        return ranks;
    }

    private static double? Pearson(double[] x, double[] y)
    {
        var (mx, my) = (x.Average(), y.Average());
        var sxy = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum();
        var sxx = x.Sum(a => (a - mx) * (a - mx));
        var syy = y.Sum(b => (b - my) * (b - my));
        return sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : null;
    }

    private static double? Round(double? x) => x is { } v && double.IsFinite(v) ? Math.Round(v, 6, MidpointRounding.AwayFromZero) : null;
}
