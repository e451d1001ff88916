using OptionsAutomation.Core.Analytics.Periods;
using OptionsAutomation.Core.Calendar;

namespace OptionsAutomation.Core.Tests.Analytics.Periods;

/// <summary>Which sessions a week or month holds, and when its report is due, on the NYSE calendar.</summary>
public sealed class ReportPeriodTests
{
    private static readonly NyseCalendar Calendar = new();

    /// <summary>Any day of the week, weekend included, names the week Monday Feb 9 – Sunday Feb 15, 2026; five sessions.</summary>
    [Theory]
    [InlineData("2026-02-09")]
    [InlineData("2026-02-12")]
    [InlineData("2026-02-15")]
    public void Week_AnyDay_MondayToSundayWithFiveSessions(string day)
    {
        var week = ReportPeriod.Of(ReportPeriodKind.Week, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), Calendar);

        Assert.Equal((new DateOnly(2026, 2, 9), new DateOnly(2026, 2, 15)), (week.First, week.Last));
        Assert.Equal(5, week.Sessions.Count);
        Assert.Equal(new DateOnly(2026, 2, 13), week.LastSession!.Date);
        Assert.Equal(("weekly_report", "weekly_report:2026-02-09", "week of 2026-02-09"), (week.AlertKind, week.DedupKey, week.Label));
    }

    /// <summary>Good Friday, April 3, 2026: the week's last session is Thursday.</summary>
    [Fact]
    public void Week_FridayHoliday_LastSessionIsThursday()
    {
        var week = ReportPeriod.Of(ReportPeriodKind.Week, new DateOnly(2026, 4, 1), Calendar);

        Assert.Equal(4, week.Sessions.Count);
        Assert.Equal(new DateOnly(2026, 4, 2), week.LastSession!.Date);
    }

    /// <summary>May 2026 ends on a Sunday and has Memorial Day (May 25): 20 sessions, the last on Friday May 29.</summary>
    [Fact]
    public void Month_EndingOnAWeekend_LastSessionIsTheLastTradingDay()
    {
        var month = ReportPeriod.Of(ReportPeriodKind.Month, new DateOnly(2026, 5, 17), Calendar);

        Assert.Equal((new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 31)), (month.First, month.Last));
        Assert.Equal(20, month.Sessions.Count);
        Assert.Equal(new DateOnly(2026, 5, 29), month.LastSession!.Date);
        Assert.Equal(("monthly_report:2026-05-01", "May 2026"), (month.DedupKey, month.Label));
    }
}
