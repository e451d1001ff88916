using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Exits;

/// <summary>
/// The trailing profit stop's floor. The best P&amp;L since entry is the position's stored <c>mfe</c>, written with
/// every fresh mark in the mark's own update, so a restarted worker trails from the same peak. The floor trails the
/// peak by <see cref="ExitRuleSettings.TrailingGiveBackFraction"/> of it once the peak reached the activation level.
/// </summary>
public static class TrailingStop
{
    /// <summary>The P&amp;L at or below which the position exits; null while the rule is off or not yet activated.</summary>
    public static decimal? Floor(Position position, ExitRuleSettings rules)
    {
        if (rules.TrailingActivationFraction <= 0m || position.Mfe is not { } peak)
        {
            return null;
        }

        // Max profit is the whole credit of the open quantity, the base the profit target is a fraction of.
        return peak >= rules.TrailingActivationFraction * position.ReturnBase()
            ? peak * (1m - rules.TrailingGiveBackFraction)
            : null;
    }
}
