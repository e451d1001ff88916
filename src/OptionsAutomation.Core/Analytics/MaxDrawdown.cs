namespace OptionsAutomation.Core.Analytics;

/// <summary>
/// The deepest fall of the wealth index from a running peak, as empyrical's max_drawdown measures it: the index starts
/// at 1 before the first return (so a first loss is already a drawdown), a missing return leaves it unchanged, and
/// <see cref="Depth"/> is (trough − peak) ÷ peak, a negative fraction, or 0 when it never fell.
/// Periods count returns: <see cref="DurationPeriods"/> runs from the peak to the recovery (the first value back at or
/// above the peak) or, still under water, to the last period; <see cref="RecoveryPeriods"/> from the trough to the
/// recovery, null until it recovers. The dates are those of the points; the start has the series' start date (null
/// for a series given as returns). When the deepest fall occurs twice, the first is reported.
/// </summary>
public sealed record MaxDrawdown(
    double Depth,
    DateOnly? Peak,
    DateOnly? Trough,
    DateOnly? Recovery,
    int DurationPeriods,
    int? RecoveryPeriods)
{
    /// <summary>NaN depth for an empty series, as empyrical.</summary>
    public static MaxDrawdown Of(ReturnSeries series)
    {
        if (series.Count == 0)
        {
            return new MaxDrawdown(double.NaN, null, null, null, 0, null);
        }

        var wealth = WealthIndex(series.Returns);
        var (peak, trough, depth) = (0, 0, 0.0);
        var runningPeak = 0;
        for (var i = 1; i < wealth.Length; i++)
        {
            if (wealth[i] >= wealth[runningPeak])
            {
                runningPeak = i;
                continue;
            }

            var fall = (wealth[i] - wealth[runningPeak]) / wealth[runningPeak];
            if (fall < depth)
            {
                (peak, trough, depth) = (runningPeak, i, fall);
            }
        }

        if (depth == 0.0)
        {
            return new MaxDrawdown(0.0, null, null, null, 0, null);
        }

        int? recovery = null;
        for (var i = trough + 1; i < wealth.Length && recovery is null; i++)
        {
            if (wealth[i] >= wealth[peak])
            {
                recovery = i;
            }
        }

        var last = wealth.Length - 1;
        return new MaxDrawdown(
            depth,
            DateOf(series, peak),
            DateOf(series, trough),
            recovery is { } r ? DateOf(series, r) : null,
            (recovery ?? last) - peak,
            recovery - trough);
    }

    /// <summary>1, then the running product of 1 + r; a missing return multiplies by 1.</summary>
    private static double[] WealthIndex(IReadOnlyList<double> returns)
    {
        var wealth = new double[returns.Count + 1];
        wealth[0] = 1.0;
        for (var i = 0; i < returns.Count; i++)
        {
            wealth[i + 1] = wealth[i] * (1.0 + (double.IsNaN(returns[i]) ? 0.0 : returns[i]));
        }

        return wealth;
    }

    /// <summary>Point 0 is the start; point i ≥ 1 ends on the date of return i − 1.</summary>
    private static DateOnly? DateOf(ReturnSeries series, int point) => point == 0 ? series.Start : series.Dates[point - 1];
}
