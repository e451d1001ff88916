namespace OptionsAutomation.Core.Risk.Portfolio;

/// <summary>
/// Alerts fire on crossings, not on conditions: given each limit's state at the previous check and the readings
/// now, only the limits whose state changed come out, so a limit that stays in WARN alerts once, and alerts again
/// only after it has left WARN. A limit never seen before counts as having been OK.
/// </summary>
public static class LimitCrossings
{
    public static IReadOnlyList<LimitCrossing> Between(IReadOnlyDictionary<string, LimitState> previous, IEnumerable<LimitReading> current) =>
        [.. current
            .Select(r => (Reading: r, From: previous.TryGetValue(r.Name, out var before) ? before : LimitState.Ok))
            .Where(x => x.From != x.Reading.State)
            .Select(x => new LimitCrossing(x.Reading.Name, x.From, x.Reading.State, x.Reading))];

    /// <summary>The states to remember for the next check.</summary>
    public static IReadOnlyDictionary<string, LimitState> States(IEnumerable<LimitReading> readings) =>
        readings.ToDictionary(r => r.Name, r => r.State, StringComparer.Ordinal);
}
