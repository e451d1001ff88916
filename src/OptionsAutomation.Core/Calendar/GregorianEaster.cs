namespace OptionsAutomation.Core.Calendar;

/// <summary>Easter Sunday by the Gregorian computus (Meeus/Jones/Butcher), which Good Friday hangs on.</summary>
internal static class GregorianEaster
{
    public static DateOnly Sunday(int year)
    {
        var golden = year % 19;
        var century = year / 100;
        var yearOfCentury = year % 100;
        var skippedLeapDays = century / 4;
        var centuryRemainder = century % 4;
        var solarCorrection = (century + 8) / 25;
        var lunarCorrection = (century - solarCorrection + 1) / 3;
        var epact = ((19 * golden) + century - skippedLeapDays - lunarCorrection + 15) % 30;
        var leapYearsInCentury = yearOfCentury / 4;
        var yearRemainder = yearOfCentury % 4;
        var toSunday = (32 + (2 * centuryRemainder) + (2 * leapYearsInCentury) - epact - yearRemainder) % 7;
        var correction = (golden + (11 * epact) + (22 * toSunday)) / 451;
        var monthAndDay = epact + toSunday - (7 * correction) + 114;
        return new DateOnly(year, monthAndDay / 31, (monthAndDay % 31) + 1);
    }
}
