namespace OptionsAutomation.Core.Calendar;

/// <summary>
/// The NYSE's recurring full-day holidays for one year, as the weekdays on which they are observed.
/// A holiday on a Saturday is observed the Friday before, a Sunday holiday the Monday after.
/// </summary>
internal static class NyseHolidayRules
{
    /// <summary>Juneteenth became a federal holiday in June 2021; the NYSE first closed for it in 2022.</summary>
    private const int FirstJuneteenth = 2022;

    public static DateOnly Thanksgiving(int year) => MonthWeekdays.Nth(year, 11, DayOfWeek.Thursday, 4);

    public static IEnumerable<MarketHoliday> For(int year)
    {
        // Martin Luther King Jr. Day has closed the exchange since 1998, before the calendar's first year.
        var candidates = new List<MarketHoliday>
        {
            new(new DateOnly(year, 1, 1), "New Year's Day"),
            new(MonthWeekdays.Nth(year, 1, DayOfWeek.Monday, 3), "Martin Luther King Jr. Day"),
            new(MonthWeekdays.Nth(year, 2, DayOfWeek.Monday, 3), "Washington's Birthday"),
            new(GregorianEaster.Sunday(year).AddDays(-2), "Good Friday"),
            new(MonthWeekdays.Last(year, 5, DayOfWeek.Monday), "Memorial Day"),
            new(new DateOnly(year, 7, 4), "Independence Day"),
            new(MonthWeekdays.Nth(year, 9, DayOfWeek.Monday, 1), "Labor Day"),
            new(Thanksgiving(year), "Thanksgiving Day"),
            new(new DateOnly(year, 12, 25), "Christmas Day"),
        };
        if (year >= FirstJuneteenth)
        {
            candidates.Add(new(new DateOnly(year, 6, 19), "Juneteenth National Independence Day"));
        }

        return candidates.Select(Observed).OfType<MarketHoliday>();
    }

    private static MarketHoliday? Observed(MarketHoliday holiday) => holiday.Date.DayOfWeek switch
    {
        // NYSE Rule 7.2 stays open at the end of an accounting period, so a Saturday New Year's Day is not
        // moved to December 31.
        DayOfWeek.Saturday when holiday.Date is { Month: 1, Day: 1 } => null,
        DayOfWeek.Saturday => new(holiday.Date.AddDays(-1), holiday.Name + " (observed)"),
        DayOfWeek.Sunday => new(holiday.Date.AddDays(1), holiday.Name + " (observed)"),
        _ => holiday,
    };
}
