using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Exits;

/// <summary>
/// The profit target as a function of time held. An option seller's profit comes from time decay, so the question is
/// profit captured against time elapsed: a trade that captured 25% of its credit in a few days is ahead of schedule and
/// its remaining reward no longer pays for the risk. The fraction of max profit that ends the trade moves linearly
/// from <see cref="ExitRuleSettings.TimeDecayStartFraction"/> at entry to <see cref="ExitRuleSettings.ProfitTargetFraction"/>
/// at expiration: fraction = start + (target − start) × elapsed ÷ (expiration − entry), in calendar days (New York dates).
/// </summary>
public static class TimeDecayTarget
{
    /// <summary>The dollar target today: the position's stored target while the rule is off, else the scheduled fraction of max profit.</summary>
    public static decimal For(Position position, DateOnly today, ExitRuleSettings rules) =>
        rules.TimeDecayStartFraction <= 0m ? position.ProfitTarget : Fraction(position, today, rules) * position.ReturnBase();

    /// <summary>The scheduled fraction of max profit on <paramref name="today"/> (clamped to the entry–expiration span).</summary>
    public static decimal Fraction(Position position, DateOnly today, ExitRuleSettings rules)
    {
        var entry = MarketTime.DateOf(position.EntryDate).DayNumber;
        var span = position.DaysToExpiry(MarketTime.DateOf(position.EntryDate));
        var elapsed = Math.Clamp(today.DayNumber - entry, 0, Math.Max(span, 0));
        var progress = span <= 0 ? 1m : (decimal)elapsed / span;
        return rules.TimeDecayStartFraction + ((rules.ProfitTargetFraction - rules.TimeDecayStartFraction) * progress);
    }
}
