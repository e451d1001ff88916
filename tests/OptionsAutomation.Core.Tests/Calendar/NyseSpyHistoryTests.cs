using System.Globalization;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Tests.Support;

namespace OptionsAutomation.Core.Tests.Calendar;

/// <summary>
/// data/market/spy_daily.csv has one row per NYSE session from 2000-01-03 to 2025-12-31, so every day in that
/// span is a session exactly when the file has a row for it: holidays, one-off closures and all.
/// </summary>
public sealed class NyseSpyHistoryTests
{
    private static readonly DateOnly FirstRow = new(2000, 1, 3);
    private static readonly DateOnly LastRow = new(2025, 12, 31);

    [Fact]
    public void IsSession_AgreesWithEverySpyTradingDay_2000To2025()
    {
        var traded = ReadSpyDates();
        Assert.Equal(FirstRow, traded.Min());
        Assert.Equal(LastRow, traded.Max());

        var nyse = new NyseCalendar();
        var days = Enumerable.Range(0, LastRow.DayNumber - FirstRow.DayNumber + 1).Select(FirstRow.AddDays).ToList();
        var notSessions = days.Where(d => traded.Contains(d) && !nyse.IsSession(d)).ToList();
        var untraded = days.Where(d => !traded.Contains(d) && nyse.IsSession(d)).ToList();

        Assert.True(
            notSessions.Count == 0 && untraded.Count == 0,
            $"SPY traded on {notSessions.Count} day(s) the calendar closes: {Iso(notSessions)}; " +
            $"the calendar opens {untraded.Count} day(s) SPY did not trade: {Iso(untraded)}");
    }

    [Fact]
    public void Sessions_2000To2025_CountTheSpyRows()
    {
        var traded = ReadSpyDates();

        Assert.Equal(traded.Count, new NyseCalendar().Sessions(FirstRow, LastRow).Count);
    }

    private static string Iso(IEnumerable<DateOnly> dates) =>
        string.Join(", ", dates.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    private static HashSet<DateOnly> ReadSpyDates() =>
    [
        .. File.ReadLines(TestDataFiles.MarketHistory("spy_daily.csv"))
            .Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => DateOnly.ParseExact(line[..line.IndexOf(',', StringComparison.Ordinal)], "yyyy-MM-dd", CultureInfo.InvariantCulture)),
    ];
}
