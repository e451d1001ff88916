using System.Globalization;
using OptionsAutomation.Core.Calendar;

namespace OptionsAutomation.Core.Tests.Calendar;

/// <summary>The holidays and early closes the NYSE published for 2024 to 2027, whole years at a time.</summary>
public sealed class NysePublishedScheduleTests
{
    private static readonly NyseCalendar Nyse = new();

    public static TheoryData<int, string[]> PublishedHolidays => new()
    {
        { 2024, ["2024-01-01", "2024-01-15", "2024-02-19", "2024-03-29", "2024-05-27", "2024-06-19", "2024-07-04", "2024-09-02", "2024-11-28", "2024-12-25"] },
        { 2025, ["2025-01-01", "2025-01-09", "2025-01-20", "2025-02-17", "2025-04-18", "2025-05-26", "2025-06-19", "2025-07-04", "2025-09-01", "2025-11-27", "2025-12-25"] },
        { 2026, ["2026-01-01", "2026-01-19", "2026-02-16", "2026-04-03", "2026-05-25", "2026-06-19", "2026-07-03", "2026-09-07", "2026-11-26", "2026-12-25"] },
        { 2027, ["2027-01-01", "2027-01-18", "2027-02-15", "2027-03-26", "2027-05-31", "2027-06-18", "2027-07-05", "2027-09-06", "2027-11-25", "2027-12-24"] },
    };

    public static TheoryData<int, string[]> PublishedEarlyCloses => new()
    {
        { 2024, ["2024-07-03", "2024-11-29", "2024-12-24"] },
        { 2025, ["2025-07-03", "2025-11-28", "2025-12-24"] },
        { 2026, ["2026-11-27", "2026-12-24"] },
        { 2027, ["2027-11-26"] },
    };

    [Theory]
    [MemberData(nameof(PublishedHolidays))]
    public void Holidays_MatchThePublishedYear(int year, string[] holidays)
    {
        Assert.Equal(Dates(holidays), Nyse.Holidays(year).Select(h => h.Date));
    }

    [Theory]
    [MemberData(nameof(PublishedHolidays))]
    public void IsSession_EveryWeekdayExceptThePublishedHolidays(int year, string[] holidays)
    {
        var closed = Dates(holidays).ToHashSet();
        var weekdays = Enumerable.Range(0, DateTime.IsLeapYear(year) ? 366 : 365)
            .Select(d => new DateOnly(year, 1, 1).AddDays(d))
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

        var wrong = weekdays.Where(d => Nyse.IsSession(d) == closed.Contains(d)).ToList();

        Assert.True(wrong.Count == 0, $"sessions disagree with the published holidays on {string.Join(", ", wrong.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))}");
    }

    [Theory]
    [MemberData(nameof(PublishedEarlyCloses))]
    public void EarlyCloses_MatchThePublishedYear_At1300NewYork(int year, string[] earlyCloses)
    {
        var early = Nyse.Sessions(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)).Where(s => s.EarlyClose).ToList();

        Assert.Equal(Dates(earlyCloses), early.Select(s => s.Date));
        Assert.All(early, s => Assert.Equal(new TimeOnly(13, 0), TimeOnly.FromDateTime(s.CloseEt.DateTime)));
    }

    [Fact]
    public void Holidays_2026_NameTheObservedIndependenceDay()
    {
        var holidays = Nyse.Holidays(2026).ToDictionary(h => h.Date, h => h.Name);

        Assert.Equal("Independence Day (observed)", holidays[new DateOnly(2026, 7, 3)]);
        Assert.Equal("Good Friday", holidays[new DateOnly(2026, 4, 3)]);
        Assert.Equal("Juneteenth National Independence Day", holidays[new DateOnly(2026, 6, 19)]);
    }

    [Fact]
    public void Holidays_2027_ObserveSaturdayChristmasOnFridayAndLeaveNewYearsEveOpen()
    {
        Assert.Contains(new MarketHoliday(new DateOnly(2027, 12, 24), "Christmas Day (observed)"), Nyse.Holidays(2027));
        Assert.Contains(new MarketHoliday(new DateOnly(2027, 6, 18), "Juneteenth National Independence Day (observed)"), Nyse.Holidays(2027));
        Assert.Contains(new MarketHoliday(new DateOnly(2027, 7, 5), "Independence Day (observed)"), Nyse.Holidays(2027));

        // New Year's Day 2028 is a Saturday and is not observed on Friday December 31, 2027.
        var newYearsEve = Nyse.SessionOn(new DateOnly(2027, 12, 31));
        Assert.NotNull(newYearsEve);
        Assert.False(newYearsEve.EarlyClose);
        Assert.DoesNotContain(Nyse.Holidays(2028), h => h.Name.StartsWith("New Year's Day", StringComparison.Ordinal));
    }

    [Fact]
    public void SessionOn_2027July2_IsAFullDayBecauseJuly3IsASaturday()
    {
        var friday = Nyse.SessionOn(new DateOnly(2027, 7, 2));

        Assert.NotNull(friday);
        Assert.False(friday.EarlyClose);
        Assert.Equal(new TimeOnly(16, 0), TimeOnly.FromDateTime(friday.CloseEt.DateTime));
    }

    [Fact]
    public void Holidays_2025_NameThePresidentCarterDayOfMourning()
    {
        Assert.Contains(new MarketHoliday(new DateOnly(2025, 1, 9), "National Day of Mourning for President Jimmy Carter"), Nyse.Holidays(2025));
    }

    private static IEnumerable<DateOnly> Dates(string[] isoDates) =>
        isoDates.Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture));
}
