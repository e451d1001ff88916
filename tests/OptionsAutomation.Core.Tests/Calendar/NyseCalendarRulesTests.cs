using System.Globalization;
using OptionsAutomation.Core.Calendar;

namespace OptionsAutomation.Core.Tests.Calendar;

/// <summary>Observance rules, NYSE's historical exceptions, stepping between sessions and the calendar's range.</summary>
public sealed class NyseCalendarRulesTests
{
    private static readonly NyseCalendar Nyse = new();

    [Theory]
    [InlineData("2002-07-03", false)] // Wednesday before a Thursday Independence Day: a full day before 2013
    [InlineData("2002-07-05", true)] // ... the early close was Friday July 5 instead
    [InlineData("2013-07-03", true)] // from 2013 the Wednesday closes early and Friday is a full day
    [InlineData("2013-07-05", false)]
    [InlineData("2019-07-03", true)]
    [InlineData("2003-12-26", true)] // announced: Friday after a Thursday Christmas
    [InlineData("2014-12-26", false)] // the same calendar in 2014 had no such close
    [InlineData("2000-07-03", true)]
    [InlineData("2001-12-24", true)]
    [InlineData("2018-12-24", true)]
    public void SessionOn_HistoricalEarlyCloses(string date, bool earlyClose)
    {
        var session = Nyse.SessionOn(Date(date));

        Assert.NotNull(session);
        Assert.Equal(earlyClose, session.EarlyClose);
        Assert.Equal(earlyClose ? new TimeOnly(13, 0) : new TimeOnly(16, 0), TimeOnly.FromDateTime(session.CloseEt.DateTime));
    }

    [Theory]
    [InlineData("2021-06-18", true)] // Juneteenth was first observed in 2022
    [InlineData("2022-06-20", false)] // Juneteenth 2022 fell on a Sunday
    [InlineData("2021-12-31", true)] // New Year's Day 2022 was a Saturday: not observed
    [InlineData("2021-12-24", false)] // Christmas 2021 was a Saturday: observed Friday
    [InlineData("2023-01-02", false)] // New Year's Day 2023 was a Sunday: observed Monday
    [InlineData("2020-07-03", false)] // Independence Day 2020 was a Saturday
    [InlineData("2021-07-05", false)] // Independence Day 2021 was a Sunday
    [InlineData("2021-07-02", true)] // ... so the Friday before was a full session
    public void IsSession_ObservesWeekendHolidaysOnTheNearestWeekday(string date, bool isSession)
    {
        Assert.Equal(isSession, Nyse.IsSession(Date(date)));
    }

    [Fact]
    public void Holidays_KeepTheReasonForAnnouncedClosures()
    {
        var september = Nyse.Holidays(2001).Where(h => h.Date.Month == 9 && h.Name != "Labor Day").ToList();
        var sandy = Nyse.Holidays(2012).Where(h => h.Name == "Hurricane Sandy").Select(h => h.Date);

        Assert.Equal([Date("2001-09-11"), Date("2001-09-12"), Date("2001-09-13"), Date("2001-09-14")], september.Select(h => h.Date));
        Assert.All(september, h => Assert.Equal("September 11 attacks", h.Name));
        Assert.Equal([Date("2012-10-29"), Date("2012-10-30")], sandy);
        Assert.Contains(new MarketHoliday(Date("2004-06-11"), "National Day of Mourning for President Ronald Reagan"), Nyse.Holidays(2004));
        Assert.Contains(new MarketHoliday(Date("2007-01-02"), "National Day of Mourning for President Gerald R. Ford"), Nyse.Holidays(2007));
        Assert.Contains(new MarketHoliday(Date("2018-12-05"), "National Day of Mourning for President George H. W. Bush"), Nyse.Holidays(2018));
    }

    [Theory]
    [InlineData("2001-09-10", "2001-09-17")] // four closed weekdays and a weekend
    [InlineData("2026-11-25", "2026-11-27")] // over Thanksgiving to the early close
    [InlineData("2025-12-31", "2026-01-02")] // over New Year's Day into the next year
    [InlineData("2026-03-06", "2026-03-09")] // over a weekend
    [InlineData("2026-03-08", "2026-03-09")] // from a Sunday
    public void NextSessionAndPreviousSession_StepOverClosedDays(string from, string to)
    {
        Assert.Equal(Date(to), Nyse.NextSession(Date(from)).Date);
        Assert.Equal(Nyse.NextSession(Date(from)).Date, Nyse.PreviousSession(Date(to).AddDays(1)).Date);
    }

    [Fact]
    public void PreviousSession_FromASession_IsTheOneBefore()
    {
        Assert.Equal(Date("2001-09-10"), Nyse.PreviousSession(Date("2001-09-17")).Date);
        Assert.Equal(Date("2026-01-02"), Nyse.PreviousSession(Date("2026-01-05")).Date);
    }

    [Theory]
    [InlineData("2021-04-02", "2021-04-01")] // Good Friday: the Thursday
    [InlineData("2001-09-14", "2001-09-10")] // closed after September 11
    [InlineData("2021-04-01", "2021-04-01")] // a session: itself
    public void SessionOnOrBefore_IsTheDayItself_ElseTheLastSessionBefore(string date, string expected) =>
        Assert.Equal(Date(expected), Nyse.SessionOnOrBefore(Date(date)).Date);

    [Fact]
    public void Sessions_AcrossYears_AreInDateOrderAndIncludeBothEnds()
    {
        var sessions = Nyse.Sessions(Date("2025-12-30"), Date("2026-01-05"));

        Assert.Equal([Date("2025-12-30"), Date("2025-12-31"), Date("2026-01-02"), Date("2026-01-05")], sessions.Select(s => s.Date));
    }

    [Fact]
    public void Sessions_FromAfterTo_Refuses()
    {
        var e = Assert.Throws<ArgumentException>(() => Nyse.Sessions(Date("2026-11-30"), Date("2026-11-25")));

        Assert.Contains("2026-11-30", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1999)]
    [InlineData(2101)]
    public void Holidays_OutsideTheCalendarYears_RefusesNamingTheRange(int year)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Nyse.Holidays(year));

        Assert.Contains($"known for 2000 to 2100 only; {year} is outside", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stepping_PastTheCalendarsEnds_Refuses()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Nyse.SessionOn(Date("1999-12-31")));
        Assert.Throws<ArgumentOutOfRangeException>(() => Nyse.PreviousSession(Date("2000-01-03")));
        Assert.Throws<ArgumentOutOfRangeException>(() => Nyse.NextSession(Date("2100-12-31")));
        Assert.Equal(Date("2100-12-30"), Nyse.PreviousSession(Date("2100-12-31")).Date);
    }

    [Fact]
    public void Holidays_SameYearTwice_IsBuiltOnce()
    {
        Assert.Same(Nyse.Holidays(2026), Nyse.Holidays(2026));
    }

    [Theory]
    [InlineData(2000, "2000-04-23")]
    [InlineData(2008, "2008-03-23")] // earliest in the range
    [InlineData(2011, "2011-04-24")]
    [InlineData(2038, "2038-04-25")] // latest possible date
    [InlineData(2100, "2100-03-28")]
    public void GregorianEaster_Sunday(int year, string easter)
    {
        var sunday = GregorianEaster.Sunday(year);

        Assert.Equal(Date(easter), sunday);
        Assert.Equal(DayOfWeek.Sunday, sunday.DayOfWeek);
    }

    private static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
