using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Proposals;

/// <summary>What <see cref="EntrySchedule"/> decides: whether today may open, and which open positions still commit capital.</summary>
public static class RollSchedule
{
    /// <summary>Whether the screen may propose on <paramref name="today"/>.</summary>
    public static bool IsEntryDay(DateOnly today, ProposalSettings settings, NyseCalendar calendar) =>
        settings.EntrySchedule == EntrySchedule.Daily || IsMonthlyExpiration(today, calendar);

    /// <summary>
    /// The standard monthly expiration of <paramref name="date"/>'s month falls on it: the third Friday, or the session
    /// before when the NYSE is closed that Friday (Good Friday, Juneteenth), as listed options move.
    /// </summary>
    public static bool IsMonthlyExpiration(DateOnly date, NyseCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.SessionOnOrBefore(MonthlyExpiration.ThirdFriday(date.Year, date.Month)).Date == date;
    }

    /// <summary>
    /// The open positions that still commit capital to a new opening order today: all of them, except under
    /// <see cref="EntrySchedule.MonthlyRoll"/> those <see cref="Settling"/> today.
    /// </summary>
    public static IReadOnlyList<Position> Committed(IReadOnlyList<Position> open, DateOnly today, ProposalSettings settings)
    {
        var settling = Settling(open, today, settings);
        return settling.Count == 0 ? open : [.. open.Except(settling)];
    }

    /// <summary>
    /// Under <see cref="EntrySchedule.MonthlyRoll"/>, the options that expire today: they settle at today's close, and the
    /// roll hands their slot and collateral to the position that replaces them. Empty under <see cref="EntrySchedule.Daily"/>.
    /// </summary>
    public static IReadOnlyList<Position> Settling(IReadOnlyList<Position> open, DateOnly today, ProposalSettings settings)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(settings);
        return settings.EntrySchedule == EntrySchedule.MonthlyRoll ? [.. open.Where(p => p.IsOption && p.Expiration == today)] : [];
    }

    /// <summary>
    /// The account's equity as if the <paramref name="settling"/> positions had settled at their last mark: their collateral
    /// is handed on, so their loss must not be (the account's equity counts only realized P&amp;L). Unknown (so nothing is
    /// sized) when one of them has no mark.
    /// </summary>
    public static decimal? EquityAfter(decimal? equity, IReadOnlyList<Position> settling)
    {
        ArgumentNullException.ThrowIfNull(settling);
        if (settling.Count == 0)
        {
            return equity;
        }

        return settling.Any(p => p.UnrealizedPnl is null) ? null : equity + settling.Sum(p => p.UnrealizedPnl!.Value);
    }
}
