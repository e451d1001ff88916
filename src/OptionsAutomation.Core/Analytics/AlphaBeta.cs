namespace OptionsAutomation.Core.Analytics;

/// <summary>
/// Alpha and beta of a series against a benchmark, as empyrical's alpha_beta: the two are lined up by date (a date in
/// only one of them is a missing period of the other), and only periods with both returns present count.
/// <see cref="Beta"/> = cov(r, b) ÷ var(b) over those periods (population moments; NaN when var(b) is below 1e-30).
/// <see cref="Alpha"/> = (1 + mean(r − rf − β(b − rf)))^q − 1, the annualised mean of what beta does not explain.
/// <see cref="Periods"/> is how many periods the two have in common.
/// </summary>
public sealed record AlphaBeta(double Alpha, double Beta, int Periods)
{
    /// <summary>NaN alpha below two lined-up periods and NaN beta below two benchmark returns, as empyrical.</summary>
    public static AlphaBeta Of(ReturnSeries returns, ReturnSeries benchmark, int periodsPerYear, double riskFree = 0.0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(periodsPerYear);
        var (r, b) = LineUp(returns, benchmark);
        var both = Enumerable.Range(0, r.Length).Where(i => !double.IsNaN(r[i]) && !double.IsNaN(b[i])).ToArray();
        var beta = r.Length < 1 || b.Length < 2 ? double.NaN : BetaOf([.. both.Select(i => r[i])], [.. both.Select(i => b[i])]);
        var alpha = r.Length < 2 || both.Length == 0
            ? double.NaN
            : Math.Pow(1 + both.Average(i => r[i] - riskFree - (beta * (b[i] - riskFree))), periodsPerYear) - 1;
        return new AlphaBeta(alpha, beta, both.Length);
    }

    private static double BetaOf(double[] r, double[] b)
    {
        if (b.Length == 0)
        {
            return double.NaN;
        }

        var mean = b.Average();
        var (covariance, variance) = (0.0, 0.0);
        for (var i = 0; i < b.Length; i++)
        {
            covariance += (b[i] - mean) * r[i];
            variance += (b[i] - mean) * (b[i] - mean);
        }

        (covariance, variance) = (covariance / b.Length, variance / b.Length);
        return variance < 1e-30 ? double.NaN : covariance / variance;
    }

    /// <summary>The union of both series' dates, in order, each with its return or NaN where a series has no such date.</summary>
    private static (double[] Returns, double[] Benchmark) LineUp(ReturnSeries returns, ReturnSeries benchmark)
    {
        var dates = returns.Dates.Union(benchmark.Dates).Order().ToArray();
        return (On(returns, dates), On(benchmark, dates));
    }

    private static double[] On(ReturnSeries series, DateOnly[] dates)
    {
        var byDate = series.Dates.Select((d, i) => (d, i)).ToDictionary(p => p.d, p => series.Returns[p.i]);
        return [.. dates.Select(d => byDate.GetValueOrDefault(d, double.NaN))];
    }
}
