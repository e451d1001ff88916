using System.Globalization;
using OptionsAutomation.Core.Calendar;

namespace OptionsAutomation.Core.Tests.Calendar;

/// <summary>
/// Session hours as UTC instants across daylight saving changes (2026: March 8 and November 1), and
/// <see cref="NyseCalendar.SessionAt"/> at the edges of the bell.
/// </summary>
public sealed class NyseSessionHoursTests
{
    private static readonly NyseCalendar Nyse = new();

    [Theory]
    [InlineData("2026-03-06", "2026-03-06T14:30:00Z", "2026-03-06T21:00:00Z")] // Friday before the change: EST, UTC-5
    [InlineData("2026-03-09", "2026-03-09T13:30:00Z", "2026-03-09T20:00:00Z")] // Monday after: EDT, UTC-4
    [InlineData("2026-10-30", "2026-10-30T13:30:00Z", "2026-10-30T20:00:00Z")] // Friday before the change back: EDT
    [InlineData("2026-11-02", "2026-11-02T14:30:00Z", "2026-11-02T21:00:00Z")] // Monday after: EST
    [InlineData("2026-11-27", "2026-11-27T14:30:00Z", "2026-11-27T18:00:00Z")] // day after Thanksgiving, 13:00 EST
    [InlineData("2025-07-03", "2025-07-03T13:30:00Z", "2025-07-03T17:00:00Z")] // 13:00 EDT
    public void SessionOn_OpensAndClosesAtTheUtcInstantOfNewYorkHours(string date, string open, string close)
    {
        var session = Nyse.SessionOn(Date(date));

        Assert.NotNull(session);
        Assert.Equal(DateTimeOffset.Parse(open, CultureInfo.InvariantCulture), session.Open);
        Assert.Equal(DateTimeOffset.Parse(close, CultureInfo.InvariantCulture), session.Close);
        Assert.Equal(TimeSpan.Zero, session.Open.Offset);
        Assert.Equal(TimeSpan.Zero, session.Close.Offset);
    }

    [Fact]
    public void OpenEtAndCloseEt_CarryTheNewYorkOffsetOfTheDay()
    {
        var winter = Nyse.SessionOn(new DateOnly(2026, 11, 27))!;
        var summer = Nyse.SessionOn(new DateOnly(2026, 7, 2))!;

        Assert.Equal(new DateTimeOffset(2026, 11, 27, 9, 30, 0, TimeSpan.FromHours(-5)), winter.OpenEt);
        Assert.Equal(TimeSpan.FromHours(-5), winter.OpenEt.Offset);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 13, 0, 0, TimeSpan.FromHours(-5)), winter.CloseEt);
        Assert.Equal(TimeSpan.FromHours(-4), summer.CloseEt.Offset);
        Assert.Equal(new TimeOnly(16, 0), TimeOnly.FromDateTime(summer.CloseEt.DateTime));
    }

    [Theory]
    [InlineData("2026-03-06T09:29:59-05:00", false)]
    [InlineData("2026-03-06T09:30:00-05:00", true)]
    [InlineData("2026-03-06T15:59:59-05:00", true)]
    [InlineData("2026-03-06T16:00:00-05:00", false)]
    [InlineData("2026-03-09T09:29:59-04:00", false)] // the first EDT session: 13:29:59Z
    [InlineData("2026-03-09T13:30:00Z", true)]
    [InlineData("2026-03-09T15:59:59-04:00", true)]
    [InlineData("2026-03-09T20:00:00Z", false)]
    [InlineData("2026-03-09T14:30:00Z", true)] // 10:30 EDT; would be the open under EST
    [InlineData("2026-11-27T12:59:59-05:00", true)] // early close
    [InlineData("2026-11-27T13:00:00-05:00", false)]
    [InlineData("2026-11-27T15:00:00-05:00", false)]
    [InlineData("2026-11-26T12:00:00-05:00", false)] // Thanksgiving
    [InlineData("2026-03-07T12:00:00-05:00", false)] // Saturday
    public void SessionAt_IsOpenFromTheOpeningBellUntilTheClose(string instant, bool open)
    {
        var at = DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);

        var session = Nyse.SessionAt(at);

        Assert.Equal(open, session is not null);
        if (session is not null)
        {
            Assert.Equal(MarketTime.DateOf(at), session.Date);
        }
    }

    [Fact]
    public void SessionAt_AnInstantGivenInAnotherZone_UsesTheNewYorkDate()
    {
        // 2026-11-28 00:30 in Tokyo is 10:30 on Friday the 27th in New York.
        var tokyo = new DateTimeOffset(2026, 11, 28, 0, 30, 0, TimeSpan.FromHours(9));

        Assert.Equal(new DateOnly(2026, 11, 27), Nyse.SessionAt(tokyo)?.Date);
    }

    private static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
