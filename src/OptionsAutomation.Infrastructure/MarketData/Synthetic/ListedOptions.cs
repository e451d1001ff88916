using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.MarketData;

namespace OptionsAutomation.Infrastructure.MarketData.Synthetic;

/// <summary>
/// Which synthetic contracts exist. Expirations: every Friday of the next eight weeks plus the monthly third
/// Friday of the next six months, each listed until 16:00 New York on its day. Holidays are not moved (a
/// Good Friday expiration stays on the Friday): the synthetic market has no calendar. Strikes are multiples of
/// the underlying's increment; a chain shows those of <see cref="ListedStrikes"/>.
/// </summary>
internal static class ListedOptions
{
    private const int WeeklyDays = 8 * 7;
    private const int MonthlyMonths = 6;

    /// <summary>Expirations not yet expired at <paramref name="asOf"/>, in date order.</summary>
    public static IReadOnlyList<DateOnly> Expirations(DateTimeOffset asOf)
    {
        var today = MarketTime.DateOf(asOf);
        var expirations = new SortedSet<DateOnly>();
        for (var friday = today.AddDays(((int)DayOfWeek.Friday - (int)today.DayOfWeek + 7) % 7);
             friday.DayNumber - today.DayNumber <= WeeklyDays;
             friday = friday.AddDays(7))
        {
            expirations.Add(friday);
        }

        for (var month = 0; month <= MonthlyMonths; month++)
        {
            var first = new DateOnly(today.Year, today.Month, 1).AddMonths(month);
            expirations.Add(MonthlyExpiration.ThirdFriday(first.Year, first.Month));
        }

        return [.. expirations.Where(e => e >= today && EndOfDay.On(e) > asOf)];
    }

    public static bool IsListed(DateOnly expiration, DateTimeOffset asOf) => Expirations(asOf).Contains(expiration);
}
