namespace OptionsAutomation.Core.Calendar;

/// <summary>One year of the NYSE calendar, built once: its sessions indexed by day of the year and its holidays.</summary>
internal sealed class NyseYear
{
    private static readonly TimeOnly RegularOpen = new(9, 30);
    private static readonly TimeOnly RegularClose = new(16, 0);
    private static readonly TimeOnly EarlyCloseTime = new(13, 0);

    private readonly TradingSession?[] _byDayOfYear;

    private NyseYear(TradingSession?[] byDayOfYear, IReadOnlyList<MarketHoliday> holidays)
    {
        _byDayOfYear = byDayOfYear;
        Sessions = [.. byDayOfYear.OfType<TradingSession>()];
        Holidays = holidays;
    }

    /// <summary>Every session of the year, in date order.</summary>
    public IReadOnlyList<TradingSession> Sessions { get; }

    /// <summary>Weekdays closed all day, in date order.</summary>
    public IReadOnlyList<MarketHoliday> Holidays { get; }

    public static NyseYear Build(int year)
    {
        IReadOnlyList<MarketHoliday> holidays =
        [
            .. NyseHolidayRules.For(year)
                .Concat(NyseAnnouncedDays.Closures.Where(c => c.Date.Year == year))
                .OrderBy(h => h.Date),
        ];
        var closed = holidays.Select(h => h.Date).ToHashSet();
        var earlyCloses = NyseEarlyCloseRules.For(year, closed.Contains)
            .Concat(NyseAnnouncedDays.EarlyCloses.Where(d => d.Year == year))
            .ToHashSet();

        var days = new TradingSession?[DateTime.IsLeapYear(year) ? 366 : 365];
        for (var date = new DateOnly(year, 1, 1); date.Year == year; date = date.AddDays(1))
        {
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !closed.Contains(date))
            {
                var early = earlyCloses.Contains(date);
                days[date.DayOfYear - 1] = new TradingSession(
                    date, MarketTime.At(date, RegularOpen), MarketTime.At(date, early ? EarlyCloseTime : RegularClose), early);
            }
        }

        return new NyseYear(days, holidays);
    }

    public TradingSession? On(DateOnly date) => _byDayOfYear[date.DayOfYear - 1];
}
