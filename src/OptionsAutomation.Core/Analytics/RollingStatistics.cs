namespace OptionsAutomation.Core.Analytics;

/// <summary>
/// Sharpe ratio and maximum drawdown over a rolling window of <see cref="Window"/> periods, as empyrical's
/// roll_sharpe_ratio and roll_max_drawdown: one point per full window, dated by its last period (a series shorter than
/// the window gives one point over all of it). Each point is <see cref="ReturnStatistics"/>' Sharpe and
/// <see cref="MaxDrawdown"/>' depth of that window alone, its wealth index starting again at 1.
/// </summary>
public sealed record RollingStatistics(int Window, IReadOnlyList<RollingPoint> Points)
{
    /// <exception cref="ArgumentOutOfRangeException">when the window is below 1.</exception>
    public static RollingStatistics Of(ReturnSeries series, int window, int periodsPerYear, double riskFree = 0.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        if (series.Count == 0)
        {
            return new RollingStatistics(window, []);
        }

        var size = Math.Min(window, series.Count);
        var points = new List<RollingPoint>(series.Count - size + 1);
        for (var start = 0; start + size <= series.Count; start++)
        {
            var slice = series.Slice(start, size);
            points.Add(new RollingPoint(
                slice.Dates[^1],
                ReturnStatistics.SharpeOf(slice.Returns, periodsPerYear, riskFree),
                MaxDrawdown.Of(slice).Depth));
        }

        return new RollingStatistics(window, points);
    }
}

/// <summary>One window's figures, dated by its last period.</summary>
public sealed record RollingPoint(DateOnly Date, double SharpeRatio, double MaxDrawdown);
