namespace OptionsAutomation.Core.Analytics;

/// <summary>
/// Peter Martin's ulcer index (Martin and McCann, 1989): the root mean square of the drawdowns, each period's fall of
/// the wealth index below its running peak as a fraction (the start, 1, is the first peak, as in <see cref="MaxDrawdown"/>;
/// a missing return leaves the index where it was), over the n periods. It weighs depth and length of drawdowns
/// together, where the maximum drawdown sees only the deepest point. quantstats divides by n − 1 instead; Martin by n.
/// <see cref="PerformanceIndex"/> is Martin's ulcer performance index: the annual return in excess of the annualised
/// risk-free return ((1 + rf)^q − 1), divided by the ulcer index.
/// </summary>
public sealed record UlcerIndex(double Index, double PerformanceIndex)
{
    /// <summary>NaN for an empty series; a series that never fell has index 0 and a NaN performance index (nothing to divide by).</summary>
    public static UlcerIndex Of(IReadOnlyList<double> returns, double annualReturn, int periodsPerYear, double riskFree = 0.0)
    {
        if (returns.Count == 0)
        {
            return new UlcerIndex(double.NaN, double.NaN);
        }

        var (wealth, peak, squares) = (1.0, 1.0, 0.0);
        foreach (var r in returns)
        {
            wealth *= 1 + (double.IsNaN(r) ? 0.0 : r);
            peak = Math.Max(peak, wealth);
            var drawdown = (wealth / peak) - 1;
            squares += drawdown * drawdown;
        }

        var index = Math.Sqrt(squares / returns.Count);
        var annualRiskFree = Math.Pow(1 + riskFree, periodsPerYear) - 1;
        return new UlcerIndex(index, index > 0 ? (annualReturn - annualRiskFree) / index : double.NaN);
    }
}
