namespace OptionsAutomation.Core.Risk.Portfolio;

/// <summary>
/// How the exposure (collateral of CSPs, max loss of spreads: <see cref="RiskExposure"/>) is spread over
/// underlyings: the largest one's share and the Herfindahl index Σ sᵢ² (1 = all in one; 1/n = n equal parts).
/// </summary>
public sealed record Concentration(string? LargestUnderlying, decimal LargestShare, decimal Herfindahl)
{
    public static Concentration Of(IReadOnlyDictionary<string, decimal> exposureByUnderlying)
    {
        var total = exposureByUnderlying.Values.Sum();
        if (total <= 0m)
        {
            return new Concentration(null, 0m, 0m);
        }

        var largest = exposureByUnderlying.OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal).First();
        var herfindahl = exposureByUnderlying.Values.Sum(e => (e / total) * (e / total));
        return new Concentration(largest.Key, Math.Round(largest.Value / total, 6, MidpointRounding.AwayFromZero), Math.Round(herfindahl, 6, MidpointRounding.AwayFromZero));
    }
}
