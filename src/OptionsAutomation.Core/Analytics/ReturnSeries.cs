namespace OptionsAutomation.Core.Analytics;

/// <summary>
/// Simple (non-cumulative) returns of consecutive periods, oldest first, as empyrical takes them: 0.01 is +1%.
/// A missing period is <see cref="double.NaN"/> and counts as a period, the way empyrical treats a NaN.
/// <see cref="Start"/> is the date of the value before the first return (the first row of an equity curve); it is null
/// for a series given as returns, whose starting value has no date.
/// </summary>
public sealed record ReturnSeries
{
    private ReturnSeries(DateOnly? start, IReadOnlyList<DateOnly> dates, IReadOnlyList<double> returns)
    {
        Start = start;
        Dates = dates;
        Returns = returns;
    }

    public DateOnly? Start { get; }

    /// <summary>The date each return ends on; same length as <see cref="Returns"/>.</summary>
    public IReadOnlyList<DateOnly> Dates { get; }

    public IReadOnlyList<double> Returns { get; }

    public int Count => Returns.Count;

    /// <exception cref="ArgumentException">when dates are not strictly increasing or a return is infinite.</exception>
    public static ReturnSeries FromReturns(IReadOnlyList<(DateOnly Date, double Return)> periods)
    {
        RequireIncreasing([.. periods.Select(p => p.Date)]);
        if (periods.Any(p => double.IsInfinity(p.Return)))
        {
            throw new ArgumentException("a return is infinite.", nameof(periods));
        }

        return new ReturnSeries(null, [.. periods.Select(p => p.Date)], [.. periods.Select(p => p.Return)]);
    }

    /// <summary>
    /// Returns of an equity curve: value ÷ previous value − 1, divided in decimal and then converted, so a curve of
    /// cents gives the same returns as a calculator. One point gives an empty series.
    /// </summary>
    /// <exception cref="ArgumentException">when dates are not strictly increasing or a value is not above zero.</exception>
    public static ReturnSeries FromEquity(IReadOnlyList<(DateOnly Date, decimal Equity)> curve)
    {
        RequireIncreasing([.. curve.Select(p => p.Date)]);
        if (curve.Any(p => p.Equity <= 0m))
        {
            throw new ArgumentException("equity must be above zero at every point: a return from zero is undefined.", nameof(curve));
        }

        if (curve.Count == 0)
        {
            return new ReturnSeries(null, [], []);
        }

        var returns = new double[curve.Count - 1];
        for (var i = 1; i < curve.Count; i++)
        {
            returns[i - 1] = (double)(curve[i].Equity / curve[i - 1].Equity) - 1.0;
        }

        return new ReturnSeries(curve[0].Date, [.. curve.Skip(1).Select(p => p.Date)], returns);
    }

    /// <summary>The <paramref name="count"/> periods from <paramref name="start"/>; its start is the date of the period before them.</summary>
    public ReturnSeries Slice(int start, int count) =>
        new(start == 0 ? Start : Dates[start - 1], [.. Dates.Skip(start).Take(count)], [.. Returns.Skip(start).Take(count)]);

    private static void RequireIncreasing(IReadOnlyList<DateOnly> dates)
    {
        for (var i = 1; i < dates.Count; i++)
        {
            if (dates[i] <= dates[i - 1])
            {
                throw new ArgumentException($"dates must increase: {dates[i]:yyyy-MM-dd} follows {dates[i - 1]:yyyy-MM-dd}.", nameof(dates));
            }
        }
    }
}
