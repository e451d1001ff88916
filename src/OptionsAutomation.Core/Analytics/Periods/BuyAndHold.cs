using OptionsAutomation.Core.Backtest;

namespace OptionsAutomation.Core.Analytics.Periods;

/// <summary>
/// Buying and holding a benchmark (SPY) over a period with the account's equity at its start: bought at the close of the
/// session before the period (<see cref="EntryDate"/>), held on raw closes (price return, dividends ignored, as the
/// backtest's comparison), fractional shares, no fees. <see cref="Days"/> is the holding's value at each session's close,
/// rounded to the cent.
/// </summary>
public sealed record BuyAndHold(string Symbol, DateOnly EntryDate, decimal EntryClose, decimal ExitClose, double Return, IReadOnlyList<EquityPoint> Days)
{
    /// <summary>Null when the closes miss the entry or any session: a comparison over part of the period would mislead.</summary>
    public static BuyAndHold? Of(string symbol, decimal openingEquity, DateOnly entryDate, IReadOnlyList<DateOnly> sessions, IReadOnlyList<IndexClose> closes)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(closes);
        var byDate = closes.ToDictionary(c => c.Date, c => c.Close);
        if (sessions.Count == 0 || !byDate.TryGetValue(entryDate, out var entry) || entry <= 0m || sessions.Any(s => !byDate.ContainsKey(s)))
        {
            return null;
        }

        var previous = openingEquity;
        var days = new List<EquityPoint>(sessions.Count);
        foreach (var session in sessions)
        {
            var value = decimal.Round(openingEquity * byDate[session] / entry, 2, MidpointRounding.AwayFromZero);
            days.Add(new EquityPoint(session, value - previous, value));
            previous = value;
        }

        var exit = byDate[sessions[^1]];
        return new BuyAndHold(symbol, entryDate, entry, exit, (double)(exit / entry) - 1.0, days);
    }
}
