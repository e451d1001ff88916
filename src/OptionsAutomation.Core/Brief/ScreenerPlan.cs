using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Proposals;

namespace OptionsAutomation.Core.Brief;

/// <summary>What the morning screener will look at today: its watchlist and filters (<c>Proposals</c>), and whether today is an entry day.</summary>
public sealed record ScreenerPlan(
    bool ScreensToday, string EntrySchedule, IReadOnlyList<string> Targets, int MinDaysToExpiry, int MaxDaysToExpiry, string ShortStrike,
    double TargetDelta, decimal SpreadWidth, decimal MinCspCredit, decimal MinVpcCreditFractionOfWidth, long MinOpenInterest,
    decimal MaxLegSpreadPct, int MaxOpenPositionsPerTicker, bool MonthlyExpirationsOnly)
{
    public static ScreenerPlan Of(ProposalSettings settings, DateOnly today, NyseCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(
            RollSchedule.IsEntryDay(today, settings, calendar), settings.EntrySchedule.ToString(),
            [.. settings.Targets().Select(t => $"{t.Ticker} {t.Strategy.ToCode()}").Order(StringComparer.Ordinal)],
            settings.MinDaysToExpiry, settings.MaxDaysToExpiry, settings.ShortStrike.ToString(), settings.TargetDelta, settings.SpreadWidth,
            settings.MinCspCredit, settings.MinVpcCreditFractionOfWidth, settings.MinOpenInterest, settings.MaxLegSpreadPct,
            settings.MaxOpenPositionsPerTicker, settings.MonthlyExpirationsOnly);
    }
}
