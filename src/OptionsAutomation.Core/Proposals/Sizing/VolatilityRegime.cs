namespace OptionsAutomation.Core.Proposals.Sizing;

/// <summary>
/// Where the underlying's realised volatility stands in its own recent range: each day's annualised volatility of
/// the last <c>window</c> daily log returns (sample standard deviation × √252), over the last <c>lookback</c> days, and
/// the rank of today's in that range, (now − min) / (max − min) — the "IV rank" formula applied to realised volatility,
/// because the worker keeps no history of implied volatility but can read daily closes.
/// </summary>
public sealed record VolatilityRegime(decimal Current, decimal Low, decimal High, decimal Rank)
{
    /// <summary>
    /// From daily closes, oldest first; null when there are fewer than <paramref name="window"/> + <paramref name="lookback"/>
    /// closes or one is not positive.
    /// </summary>
    public static VolatilityRegime? FromCloses(IReadOnlyList<decimal> closes, int window, int lookback)
    {
        ArgumentNullException.ThrowIfNull(closes);
        if (closes.Count < window + lookback || closes.Any(c => c <= 0m))
        {
            return null;
        }

        var recent = closes.Skip(closes.Count - (window + lookback)).Select(c => (double)c).ToList();
        var returns = recent.Zip(recent.Skip(1), (a, b) => Math.Log(b / a)).ToList();
        var vols = Enumerable.Range(0, lookback)
            .Select(day => Annualised(returns.Skip(day).Take(window).ToList()))
            .ToList();
        var (current, low, high) = (vols[^1], vols.Min(), vols.Max());
        // A flat range has no rank: the middle, so the scale neither grows nor shrinks on no information.
        var rank = high > low ? (current - low) / (high - low) : 0.5;
        return new VolatilityRegime(Round(current), Round(low), Round(high), Round(rank));
    }

    /// <summary>Sample standard deviation of daily log returns × √252.</summary>
    internal static double Annualised(IReadOnlyList<double> returns)
    {
        var mean = returns.Average();
        return Math.Sqrt(returns.Sum(r => (r - mean) * (r - mean)) / (returns.Count - 1) * 252);
    }

    private static decimal Round(double x) => decimal.Round((decimal)x, 6, MidpointRounding.AwayFromZero);
}
