using OptionsAutomation.Core.MarketData;

namespace OptionsAutomation.Core.Brief;

/// <summary>
/// The VIX as the sizing's features read it: the last daily close before the brief's day and its IV rank over the
/// year before (<see cref="IvRank"/>, the same numbers the <c>ml</c> sizing stores as <c>vix</c> and <c>vix_rank</c>).
/// </summary>
public sealed record VixReading(DateOnly Date, decimal Level, decimal? IvRank, int RankSessions)
{
    /// <summary>The reading for <paramref name="day"/>, or why there is none: the series must reach <paramref name="previousSession"/>.</summary>
    public static (VixReading? Reading, string? Problem) For(DailyCloses closes, DateOnly day, DateOnly previousSession)
    {
        ArgumentNullException.ThrowIfNull(closes);
        if (closes.LastDateBefore(day) is not { } last)
        {
            return (null, "VIX: no daily closes (data/market/vix_daily.csv)");
        }

        if (last < previousSession)
        {
            return (null, $"VIX: the daily series ends {last:yyyy-MM-dd}, no close for {previousSession:yyyy-MM-dd}");
        }

        var year = closes.Before(day, MarketData.IvRank.Sessions);
        decimal? rank = year.Count < MarketData.IvRank.Sessions ? null : Round(MarketData.IvRank.Of([.. year.Select(v => (double)v)]));
        return (new VixReading(last, year[^1], rank, year.Count), null);
    }

    private static decimal Round(double x) => decimal.Round((decimal)x, 4, MidpointRounding.AwayFromZero);
}
