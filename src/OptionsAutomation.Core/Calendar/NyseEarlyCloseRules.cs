namespace OptionsAutomation.Core.Calendar;

/// <summary>
/// The NYSE's recurring 13:00 ET closes for one year: the day before Independence Day, the day after
/// Thanksgiving and Christmas Eve. A day the exchange is closed anyway is not an early close.
/// </summary>
internal static class NyseEarlyCloseRules
{
    /// <summary>Until 2012 a Thursday Independence Day moved the early close to Friday July 5 (as in 2002).</summary>
    private const int FirstWednesdayJuly3EarlyClose = 2013;

    public static IEnumerable<DateOnly> For(int year, Func<DateOnly, bool> isClosed)
    {
        var july3 = new DateOnly(year, 7, 3);
        var independenceDayEve = july3.DayOfWeek == DayOfWeek.Wednesday && year < FirstWednesdayJuly3EarlyClose
            ? july3.AddDays(2)
            : july3;

        DateOnly[] candidates = [independenceDayEve, NyseHolidayRules.Thanksgiving(year).AddDays(1), new(year, 12, 24)];
        return candidates.Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !isClosed(d));
    }
}
