namespace OptionsAutomation.Core.Analytics;

/// <summary>Historical value at risk and expected shortfall of returns, as empyrical's value_at_risk and conditional_value_at_risk.</summary>
internal static class TailRisk
{
    /// <summary>The <paramref name="cutoff"/> percentile of the sorted returns (numpy linear interpolation); NaN when empty.</summary>
    public static double ValueAtRisk(IReadOnlyList<double> sorted, double cutoff) => Sample.Percentile(sorted, 100 * cutoff);

    /// <summary>
    /// The mean of the ⌊(n − 1) × cutoff⌋ + 1 lowest returns, the value at the cut-off index included; NaN when empty.
    /// </summary>
    public static double ConditionalValueAtRisk(IReadOnlyList<double> sorted, double cutoff)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var tail = (int)((sorted.Count - 1) * cutoff) + 1;
        return sorted.Take(tail).Average();
    }
}
