using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.MarketData;

namespace OptionsAutomation.Core.Backtest;

/// <summary>
/// The expirations a synthetic SPY chain lists at a session's close, as the exchanges listed them over the years: the
/// monthly third Fridays of this month and the next six, and, from <see cref="WeekliesFrom"/>, a Friday Weekly for each
/// of the next five weeks (Cboe has listed up to five consecutive Weeklys per class since November 2012). An expiration
/// that falls on a day the NYSE is closed moves to the session before it, as listed options do (Good Friday → Thursday).
/// Only expirations after the session are listed: at its close the day's own have settled. Not modelled: quarterly,
/// end-of-month, Monday and Wednesday expirations (listed for SPY from 2016–2018 on), and LEAPS.
/// </summary>
public sealed class ListedExpirations(NyseCalendar calendar)
{
    private const int MonthlyMonths = 6;
    private const int WeeklyWeeks = 5;

    /// <summary>November 2012, when Cboe allowed five consecutive Weeklys per class (IC12-093); monthlies only before.</summary>
    public static readonly DateOnly WeekliesFrom = new(2012, 11, 1);

    /// <summary>Expirations after <paramref name="session"/>, in date order.</summary>
    public IReadOnlyList<DateOnly> After(DateOnly session)
    {
        var fridays = new SortedSet<DateOnly>();
        for (var month = 0; month <= MonthlyMonths; month++)
        {
            var first = new DateOnly(session.Year, session.Month, 1).AddMonths(month);
            fridays.Add(MonthlyExpiration.ThirdFriday(first.Year, first.Month));
        }

        if (session >= WeekliesFrom)
        {
            var tomorrow = session.AddDays(1);
            var nextFriday = tomorrow.AddDays(((int)DayOfWeek.Friday - (int)tomorrow.DayOfWeek + 7) % 7);
            for (var week = 0; week < WeeklyWeeks; week++)
            {
                fridays.Add(nextFriday.AddDays(7 * week));
            }
        }

        return [.. fridays.Select(LastTradingDay).Where(e => e > session).Distinct()];
    }

    private DateOnly LastTradingDay(DateOnly friday) =>
        calendar.SessionOnOrBefore(friday).Date;
}
