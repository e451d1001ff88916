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
        // A flat range ranks in the middle (IvRank), so the scale neither grows nor shrinks on no information.
        return new VolatilityRegime(Round(vols[^1]), Round(vols.Min()), Round(vols.Max()), Round(MarketData.IvRank.Of(vols)));
    }

    /// <summary>Sample standard deviation of daily log returns × √252.</summary>
    internal static double Annualised(IReadOnlyList<double> returns)
    {
        var mean = returns.Average();
        return Math.Sqrt(returns.Sum(r => (r - mean) * (r - mean)) / (returns.Count - 1) * 252);
    }

    private static decimal Round(double x) => decimal.Round((decimal)x, 6, MidpointRounding.AwayFromZero);
}
