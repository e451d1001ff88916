namespace OptionsAutomation.Core.MarketData;

/// <summary>
/// Where the last of a volatility series stands in its range, (last − low) ÷ (high − low): the "IV rank" the <c>ml</c>
/// sizing reads of the VIX and the <c>volatility</c> sizing of realised volatility. Statistics in <see cref="double"/>.
/// </summary>
public static class IvRank
{
    /// <summary>The VIX closes an IV rank reads (about a year of sessions).</summary>
    public const int Sessions = 252;

    /// <summary>The rank of the last value; a flat range has none, so the middle (0.5): no information moves nothing.</summary>
    public static double Of(IReadOnlyList<double> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var (last, low, high) = (series[^1], series.Min(), series.Max());
        return high > low ? (last - low) / (high - low) : 0.5;
    }
}
