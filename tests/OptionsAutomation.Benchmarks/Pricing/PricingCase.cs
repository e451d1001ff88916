using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Pricing;

namespace OptionsAutomation.Benchmarks.Pricing;

/// <summary>One option to price, with its premium at <see cref="Volatility"/> (what an implied-volatility solve should find).</summary>
public sealed record PricingCase(OptionRight Right, double Spot, double Strike, double Years, double Rate, double DividendYield, double Volatility)
{
    /// <summary>How many options <see cref="SpyStrip"/> holds: the benchmarks' OperationsPerInvoke, which must be a constant.</summary>
    public const int SpyStripCount = 56;

    public double Premium => BlackScholes.Value(Right, Spot, Strike, Years, Rate, DividendYield, Volatility).Price;

    /// <summary>
    /// What the worker prices most: SPY at 420, puts and calls at 85–115% of spot, 14 to 90 days out, at a smile of
    /// 17–27% (2021's dividend yield, a 4% rate). Many cases rather than one, so no branch is predicted for free. Each
    /// keeps some time value: a week out at 120% the put is worth its intrinsic value to the last bit, and no
    /// volatility can be implied from it.
    /// </summary>
    public static IReadOnlyList<PricingCase> SpyStrip()
    {
        const double spot = 420;
        var cases = new List<PricingCase>();
        foreach (var days in (int[])[14, 30, 45, 90])
        {
            foreach (var moneyness in (double[])[0.85, 0.9, 0.95, 1.0, 1.05, 1.1, 1.15])
            {
                var volatility = 0.18 + (0.6 * Math.Max(0, 1 - moneyness)) - (0.08 * Math.Max(0, moneyness - 1));
                foreach (var right in (OptionRight[])[OptionRight.Put, OptionRight.Call])
                {
                    cases.Add(new PricingCase(right, spot, spot * moneyness, days / 365.0, 0.04, 0.0134, volatility));
                }
            }
        }

        return cases.Count == SpyStripCount
            ? cases
            : throw new InvalidOperationException($"the strip has {cases.Count} options, not {SpyStripCount}.");
    }
}
