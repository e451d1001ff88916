using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.MarketData;

namespace OptionsAutomation.Core.Brief;

/// <summary>
/// An underlying before the open: the previous session's close and the move since, from the market data in use.
/// <see cref="Problem"/> says what is missing (no close for that session, no quote since it) instead of a zero.
/// </summary>
public sealed record UnderlyingMove(
    string Symbol, DateOnly PreviousSession, decimal? PreviousClose, decimal? Last, DateTimeOffset? LastAt, decimal? Change, decimal? ChangePercent, string? Problem)
{
    /// <param name="close">The quote as of 16:00 New York on <paramref name="previousSession"/>: its close only when stamped that day.</param>
    /// <param name="latest">The latest quote as of the brief: a move only when it is newer than the close.</param>
    public static UnderlyingMove Of(string symbol, DateOnly previousSession, UnderlyingQuote? close, UnderlyingQuote? latest)
    {
        if (close is null || MarketTime.DateOf(close.Timestamp) != previousSession || close.Last <= 0m)
        {
            return new(symbol, previousSession, null, latest?.Last, latest?.Timestamp, null, null,
                $"no close of {symbol} for {previousSession:yyyy-MM-dd} in the market data");
        }

        if (latest is null || latest.Timestamp <= close.Timestamp)
        {
            return new(symbol, previousSession, close.Last, close.Last, close.Timestamp, null, null, "no quote since the previous close");
        }

        var change = latest.Last - close.Last;
        return new(symbol, previousSession, close.Last, latest.Last, latest.Timestamp, change, Percent(change, close.Last), null);
    }

    internal static decimal Percent(decimal part, decimal whole) => decimal.Round(part / whole * 100m, 2, MidpointRounding.AwayFromZero);
}
