using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Exits;

/// <summary>
/// Scaling out: at a first target below the profit target, bank part of the credit and let the rest run. Once per
/// position (<see cref="Position.ScaledOut"/>); the contracts are <see cref="ExitRuleSettings.ScaleOutShare"/> of the
/// open quantity rounded down, at least one, so a single contract — which cannot be split — is never scaled out.
/// </summary>
public static class ScaleOut
{
    /// <summary>The P&amp;L at or above which the position scales out; null while the rule is off or cannot apply.</summary>
    public static decimal? Target(Position position, ExitRuleSettings rules) =>
        rules.ScaleOutAtFraction <= 0m || position.ScaledOut || position.Quantity < 2
            ? null
            : rules.ScaleOutAtFraction * position.ReturnBase();

    /// <summary>The contracts a scale-out closes: share × open quantity rounded down, at least 1 (below the open quantity, as share &lt; 1).</summary>
    public static int Contracts(Position position, ExitRuleSettings rules) =>
        Math.Max(1, (int)decimal.Floor(position.Quantity * rules.ScaleOutShare));
}
