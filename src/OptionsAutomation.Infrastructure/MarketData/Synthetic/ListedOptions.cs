using OptionsAutomation.Core.Calendar;

namespace OptionsAutomation.Infrastructure.MarketData.Synthetic;

/// <summary>
/// Which synthetic contracts exist. Expirations: every Friday of the next eight weeks plus the monthly third
/// Friday of the next six months, each listed until 16:00 New York on its day. Holidays are not moved (a
/// Good Friday expiration stays on the Friday): the synthetic market has no calendar. Strikes are multiples of
/// the underlying's increment; a chain shows every one within ±10% of spot and every fifth out to ±25%.
/// </summary>
internal static class ListedOptions
{
    private const int WeeklyDays = 8 * 7;
    private const int MonthlyMonths = 6;
    private const decimal DenseBand = 0.10m;
    private const decimal ChainBand = 0.25m;
    private const int SparseEvery = 5;

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
            expirations.Add(ThirdFriday(first.Year, first.Month));
        }

        return [.. expirations.Where(e => e >= today && EndOfDay.On(e) > asOf)];
    }

    public static bool IsListed(DateOnly expiration, DateTimeOffset asOf) => Expirations(asOf).Contains(expiration);

    public static bool IsOnTheStrikeGrid(decimal strike, decimal increment) => strike > 0m && strike % increment == 0m;

    /// <summary>The strikes a chain shows around <paramref name="spot"/>, ascending.</summary>
    public static IReadOnlyList<decimal> ChainStrikes(decimal spot, decimal increment)
    {
        var lowest = Math.Ceiling(spot * (1 - ChainBand) / increment);
        var highest = Math.Floor(spot * (1 + ChainBand) / increment);
        var strikes = new List<decimal>();
        for (var step = Math.Max(lowest, 1m); step <= highest; step++)
        {
            var strike = step * increment;
            if (Math.Abs(strike - spot) <= spot * DenseBand || step % SparseEvery == 0m)
            {
                strikes.Add(strike);
            }
        }

        return strikes;
    }

    public static DateOnly ThirdFriday(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays((((int)DayOfWeek.Friday - (int)first.DayOfWeek + 7) % 7) + 14);
    }

    public static bool IsMonthly(DateOnly expiration) => expiration == ThirdFriday(expiration.Year, expiration.Month);
}
