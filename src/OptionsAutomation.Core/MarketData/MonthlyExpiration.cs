namespace OptionsAutomation.Core.MarketData;

/// <summary>Standard monthly equity options are named for the third Friday of their month.</summary>
public static class MonthlyExpiration
{
    public static DateOnly ThirdFriday(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays((((int)DayOfWeek.Friday - (int)first.DayOfWeek + 7) % 7) + 14);
    }

    public static bool IsThirdFriday(DateOnly date) => date == ThirdFriday(date.Year, date.Month);
}
