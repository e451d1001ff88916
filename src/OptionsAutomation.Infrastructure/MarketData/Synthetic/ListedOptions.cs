using System.Collections.Frozen;
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

    // The listing depends on the New York date alone, so it is built once per date, not per quote; a few dates cover
    // a backtest, the worker and the web API asking at once.
    private static readonly RecentValues<Listing> Listings = new(8);

    /// <summary>Expirations not yet expired at <paramref name="asOf"/>, in date order, each with the instant it expires.</summary>
    public static IReadOnlyList<ListedExpiration> Expirations(DateTimeOffset asOf) =>
        [.. ListingOn(MarketTime.DateOf(asOf)).Expirations.Where(e => e.ExpiresAt > asOf)];

    /// <summary>When <paramref name="expiration"/> expires (16:00 New York on its day); null unless it is listed at <paramref name="asOf"/>.</summary>
    public static DateTimeOffset? ExpiresAt(DateOnly expiration, DateTimeOffset asOf) =>
        ListingOn(MarketTime.DateOf(asOf)).ExpiresAt.TryGetValue(expiration, out var expiresAt) && expiresAt > asOf ? expiresAt : null;

    private static Listing ListingOn(DateOnly today) =>
        Listings.GetOrAdd(today.DayNumber, 0, static (_, day) => Listing.On(DateOnly.FromDayNumber((int)day)));

    /// <summary>The expirations listed on a date, from that date on: those of its afternoon drop out at 16:00.</summary>
    private sealed record Listing(IReadOnlyList<ListedExpiration> Expirations, FrozenDictionary<DateOnly, DateTimeOffset> ExpiresAt)
    {
        public static Listing On(DateOnly today)
        {
            var dates = new SortedSet<DateOnly>();
            for (var friday = today.AddDays(((int)DayOfWeek.Friday - (int)today.DayOfWeek + 7) % 7);
                 friday.DayNumber - today.DayNumber <= WeeklyDays;
                 friday = friday.AddDays(7))
            {
                dates.Add(friday);
            }

            for (var month = 0; month <= MonthlyMonths; month++)
            {
                var first = new DateOnly(today.Year, today.Month, 1).AddMonths(month);
                dates.Add(MonthlyExpiration.ThirdFriday(first.Year, first.Month));
            }

            ListedExpiration[] expirations = [.. dates.Where(e => e >= today).Select(e => new ListedExpiration(e, EndOfDay.On(e)))];
            return new Listing(expirations, expirations.ToFrozenDictionary(e => e.Date, e => e.ExpiresAt));
        }
    }
}

/// <summary>A listed expiration date and the instant its options expire.</summary>
internal readonly record struct ListedExpiration(DateOnly Date, DateTimeOffset ExpiresAt);
