namespace OptionsAutomation.Core.Calendar;

/// <summary>
/// Closures and early closes the NYSE announced one at a time, which no recurring rule produces.
/// Future ones are added here when the exchange announces them.
/// </summary>
internal static class NyseAnnouncedDays
{
    public static IReadOnlyList<MarketHoliday> Closures { get; } =
    [
        new(new DateOnly(2001, 9, 11), "September 11 attacks"),
        new(new DateOnly(2001, 9, 12), "September 11 attacks"),
        new(new DateOnly(2001, 9, 13), "September 11 attacks"),
        new(new DateOnly(2001, 9, 14), "September 11 attacks"),
        new(new DateOnly(2004, 6, 11), "National Day of Mourning for President Ronald Reagan"),
        new(new DateOnly(2007, 1, 2), "National Day of Mourning for President Gerald R. Ford"),
        new(new DateOnly(2012, 10, 29), "Hurricane Sandy"),
        new(new DateOnly(2012, 10, 30), "Hurricane Sandy"),
        new(new DateOnly(2018, 12, 5), "National Day of Mourning for President George H. W. Bush"),
        new(new DateOnly(2025, 1, 9), "National Day of Mourning for President Jimmy Carter"),
    ];

    /// <summary>13:00 closes outside the rules: Friday 2003-12-26, the day after a Thursday Christmas.</summary>
    public static IReadOnlyList<DateOnly> EarlyCloses { get; } = [new(2003, 12, 26)];
}
