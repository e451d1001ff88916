namespace OptionsAutomation.Core.Calendar;

/// <summary>
/// US equity options trade on New York time: trading days, DTE and daily P&amp;L are all
/// America/New_York dates, while instants are stored in UTC.
/// </summary>
public static class MarketTime
{
    public static TimeZoneInfo NewYork { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    /// <summary>The New York calendar date of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, NewYork).DateTime);

    /// <summary>Today's date in New York according to <paramref name="clock"/>.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());

    /// <summary>
    /// The UTC instant at which New York clocks read <paramref name="time"/> on <paramref name="date"/>;
    /// the offset (−05:00 or −04:00) follows daylight saving time on that date.
    /// </summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time) =>
        new(TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(time), NewYork), TimeSpan.Zero);

    /// <summary>The same instant as New York clocks show it.</summary>
    public static DateTimeOffset InNewYork(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, NewYork);
}
