using System.Globalization;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Brief;

/// <summary>An exit rule an open position is near: <see cref="Rule"/> is the exit reason's code, <see cref="Detail"/> how near.</summary>
public sealed record ExitProximity(string Rule, string Detail)
{
    /// <summary>
    /// The rules of <see cref="ExitRules"/> that <paramref name="position"/> is near on <paramref name="today"/>: days to
    /// expiry within <see cref="MorningBriefSettings.NearDaysToExpiry"/> of <see cref="ExitRuleSettings.ExitAtDaysToExpiry"/>,
    /// P&amp;L at <see cref="MorningBriefSettings.NearProfitTargetFraction"/> of today's target (<see cref="TimeDecayTarget"/>),
    /// loss at <see cref="MorningBriefSettings.NearStopLossFraction"/> of the stop. None under hold-to-expiration, where
    /// no rule closes a position; the P&amp;L ones need the last stored mark.
    /// </summary>
    public static IReadOnlyList<ExitProximity> Of(Position position, DateOnly today, ExitRuleSettings rules, MorningBriefSettings settings)
    {
        ArgumentNullException.ThrowIfNull(position);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(settings);
        if (!position.IsOption || rules.HoldToExpiration)
        {
            return [];
        }

        var near = new List<ExitProximity>();
        var daysLeft = position.DaysToExpiry(today) - rules.ExitAtDaysToExpiry;
        if (daysLeft <= settings.NearDaysToExpiry)
        {
            near.Add(new(ExitReason.DaysToExpiry.ToCode(), daysLeft <= 0
                ? $"at the {rules.ExitAtDaysToExpiry}-DTE exit"
                : $"{daysLeft} day(s) before the {rules.ExitAtDaysToExpiry}-DTE exit"));
        }

        if (position.UnrealizedPnl is not { } pnl)
        {
            return near;
        }

        var target = TimeDecayTarget.For(position, today, rules);
        if (target > 0m && pnl >= target * settings.NearProfitTargetFraction)
        {
            near.Add(new(ExitReason.ProfitTarget.ToCode(), string.Create(CultureInfo.InvariantCulture, $"P&L {pnl:0.00} is {UnderlyingMove.Percent(pnl, target):0.##}% of the target {target:0.00}")));
        }

        if (position.StopLoss > 0m && -pnl >= position.StopLoss * settings.NearStopLossFraction)
        {
            near.Add(new(ExitReason.StopLoss.ToCode(), string.Create(CultureInfo.InvariantCulture, $"loss {-pnl:0.00} is {UnderlyingMove.Percent(-pnl, position.StopLoss):0.##}% of the stop {position.StopLoss:0.00}")));
        }

        return near;
    }
}
