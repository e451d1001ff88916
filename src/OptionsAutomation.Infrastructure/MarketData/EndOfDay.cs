using OptionsAutomation.Core.Calendar;

namespace OptionsAutomation.Infrastructure.MarketData;

/// <summary>
/// End-of-day quotes and expirations are stamped at the regular session close, 16:00 America/New_York.
/// Early closes (13:00 on a few half days) are the calendar's business; the CSV files carry no time of day,
/// so 16:00 is what "the close of that date" means for them.
/// </summary>
public static class EndOfDay
{
    public static readonly TimeOnly SessionClose = new(16, 0);

    /// <summary>16:00 New York time on <paramref name="date"/>, with that day's offset (EST or EDT).</summary>
    public static DateTimeOffset On(DateOnly date)
    {
        var local = date.ToDateTime(SessionClose, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, MarketTime.NewYork.GetUtcOffset(local));
    }
}
