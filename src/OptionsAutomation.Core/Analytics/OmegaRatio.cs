namespace OptionsAutomation.Core.Analytics;

/// <summary>
/// The omega ratio as empyrical's omega_ratio defines it: the returns above a threshold summed, divided by the shortfalls
/// below it summed (as a positive number). The threshold is the risk-free return per period plus the investor's required
/// return, given per year and converted to one period as (1 + required)^(1/q) − 1 (q = periods per year; with q = 1 it is
/// taken as given). Missing returns count on neither side.
/// </summary>
public static class OmegaRatio
{
    /// <summary>NaN below two periods, for a required return of −100% or less, and when nothing falls below the threshold.</summary>
    public static double Of(IReadOnlyList<double> returns, int periodsPerYear, double riskFree = 0.0, double requiredReturn = 0.0)
    {
        if (returns.Count < 2 || (periodsPerYear != 1 && requiredReturn <= -1))
        {
            return double.NaN;
        }

        var threshold = periodsPerYear == 1 ? requiredReturn : Math.Pow(1 + requiredReturn, 1.0 / periodsPerYear) - 1;
        var (above, below) = (0.0, 0.0);
        foreach (var r in returns)
        {
            var excess = r - riskFree - threshold;
            if (excess > 0)
            {
                above += excess;
            }
            else if (excess < 0)
            {
                below -= excess;
            }
        }

        return below > 0 ? above / below : double.NaN;
    }
}
