namespace OptionsAutomation.Core.Calendar;

/// <summary>
/// NYSE trading sessions for 2000 to 2100: regular hours 09:30–16:00 New York time, the exchange's holidays
/// and 13:00 early closes by rule, and the closures it announced one at a time. Each year is built on first
/// use and kept, so "is the market open now" is a lookup.
/// </summary>
public sealed class NyseCalendar
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    private readonly Lazy<NyseYear>[] _years =
    [
        .. Enumerable.Range(FirstYear, LastYear - FirstYear + 1).Select(y => new Lazy<NyseYear>(() => NyseYear.Build(y))),
    ];

    public static bool Covers(int year) => year is >= FirstYear and <= LastYear;

    /// <summary>The session on a New York date, or null when the exchange is closed (weekend or holiday).</summary>
    public TradingSession? SessionOn(DateOnly date) => Year(date.Year).On(date);

    public bool IsSession(DateOnly date) => SessionOn(date) is not null;

    /// <summary>The sessions from <paramref name="from"/> through <paramref name="to"/>, both included, in date order.</summary>
    public IReadOnlyList<TradingSession> Sessions(DateOnly from, DateOnly to)
    {
        if (from > to)
        {
            throw new ArgumentException($"the range starts on {from:yyyy-MM-dd}, after its end {to:yyyy-MM-dd}.", nameof(from));
        }

        return
        [
            .. Enumerable.Range(from.Year, to.Year - from.Year + 1)
                .SelectMany(y => Year(y).Sessions)
                .Where(s => s.Date >= from && s.Date <= to),
        ];
    }

    /// <summary>The weekdays of <paramref name="year"/> on which the exchange is closed all day, in date order.</summary>
    public IReadOnlyList<MarketHoliday> Holidays(int year) => Year(year).Holidays;

    /// <summary>The session whose hours contain <paramref name="instant"/>, or null when the market is shut then.</summary>
    public TradingSession? SessionAt(DateTimeOffset instant) =>
        SessionOn(MarketTime.DateOf(instant)) is { } session && session.IsOpenAt(instant) ? session : null;

    /// <summary>The first session after <paramref name="after"/> (not on it).</summary>
    public TradingSession NextSession(DateOnly after) => Step(after, 1);

    /// <summary>The last session before <paramref name="before"/> (not on it).</summary>
    public TradingSession PreviousSession(DateOnly before) => Step(before, -1);

    /// <summary>The session on <paramref name="date"/>, else the last one before it (an expiration on a holiday trades last the day before).</summary>
    public TradingSession SessionOnOrBefore(DateOnly date) => SessionOn(date) ?? PreviousSession(date);

    private TradingSession Step(DateOnly from, int direction)
    {
        // The longest run of closed weekdays since 2000 is four (September 11–14, 2001), so this ends within days.
        for (var date = from.AddDays(direction); ; date = date.AddDays(direction))
        {
            if (SessionOn(date) is { } session)
            {
                return session;
            }
        }
    }

    private NyseYear Year(int year) => Covers(year)
        ? _years[year - FirstYear].Value
        : throw new ArgumentOutOfRangeException(
            nameof(year), year, $"NYSE sessions are known for {FirstYear} to {LastYear} only; {year} is outside that range.");
}
