using OptionsAutomation.Core.Backtest;

namespace OptionsAutomation.Core.MarketData;

/// <summary>
/// An index's daily closes (the VIX series shipped under data/market), sorted by date, read only strictly before a
/// day: what a proposal made during that day could have known.
/// </summary>
public sealed class DailyCloses
{
    private readonly DateOnly[] _dates;
    private readonly decimal[] _closes;

    public DailyCloses(IEnumerable<IndexClose> closes)
    {
        ArgumentNullException.ThrowIfNull(closes);
        var sorted = closes.OrderBy(c => c.Date).ToArray();
        _dates = [.. sorted.Select(c => c.Date)];
        _closes = [.. sorted.Select(c => c.Close)];
    }

    public static DailyCloses None { get; } = new([]);

    /// <summary>The date of the last close before <paramref name="day"/>, or null when there is none.</summary>
    public DateOnly? LastDateBefore(DateOnly day) => CountBefore(day) is > 0 and var n ? _dates[n - 1] : null;

    /// <summary>The last <paramref name="count"/> closes dated before <paramref name="day"/>, oldest first; fewer when the series is shorter.</summary>
    public IReadOnlyList<decimal> Before(DateOnly day, int count)
    {
        var end = CountBefore(day);
        var start = Math.Max(0, end - count);
        return _closes[start..end];
    }

    private int CountBefore(DateOnly day)
    {
        var index = Array.BinarySearch(_dates, day);
        return index >= 0 ? index : ~index;
    }
}
