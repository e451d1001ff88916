using OptionsAutomation.Core.Marks;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Exits;

/// <summary>
/// The exit rules of design.md applied to a marked position. Precedence: profit target (fixed, or
/// <see cref="TimeDecayTarget"/>), trailing stop (<see cref="TrailingStop"/>, off by default) and stop loss
/// (price rules, only on a FRESH mark) win over 21 DTE; DTE needs no price and fires whatever the mark. A scale-out
/// (<see cref="ScaleOut"/>, off by default) closes part of the position on a fresh mark when nothing else fires. Under
/// <see cref="ExitRuleSettings.HoldToExpiration"/> none of them fires: every position holds to its settlement.
/// </summary>
public static class ExitRules
{
    /// <param name="position">The position with this mark already applied (stop breaches counted).</param>
    /// <param name="today">Today's New York date, for days to expiry.</param>
    public static ExitDecision Evaluate(Position position, PositionMark mark, DateOnly today, ExitRuleSettings rules)
    {
        var dte = position.DaysToExpiry(today);
        if (rules.HoldToExpiration)
        {
            return new(position.PositionId, ExitDecisionKind.Hold, null, $"held to expiration ({ExitRuleSettings.SectionName}:{nameof(ExitRuleSettings.HoldToExpiration)}), {dte} DTE",
                mark.Price, mark.IsFresh && mark.Price is { } held ? position.PnlAt(held) : null, dte);
        }

        var dteFires = dte <= rules.ExitAtDaysToExpiry;
        if (mark.IsFresh && mark.Price is { } price)
        {
            var pnl = position.PnlAt(price);
            ExitDecision Decide(ExitDecisionKind kind, ExitReason? reason, string detail) =>
                new(position.PositionId, kind, reason, detail, price, pnl, dte);

            var target = TimeDecayTarget.For(position, today, rules);
            if (pnl >= target)
            {
                return Decide(ExitDecisionKind.Exit, ExitReason.ProfitTarget, rules.TimeDecayStartFraction > 0m
                    ? $"P&L {pnl:0.00} reached the time-decay target {target:0.00} ({TimeDecayTarget.Fraction(position, today, rules):0.###} of max profit)"
                    : $"P&L {pnl:0.00} reached the target {target:0.00}");
            }

            var floor = TrailingStop.Floor(position, rules);
            if (pnl <= floor)
            {
                return Decide(ExitDecisionKind.Exit, ExitReason.TrailingStop,
                    $"P&L {pnl:0.00} fell to the trailing floor {floor:0.00} (best {position.Mfe:0.00})");
            }

            if (-pnl >= position.StopLoss)
            {
                if (position.StopBreaches >= rules.StopConfirmations)
                {
                    return Decide(ExitDecisionKind.Exit, ExitReason.StopLoss, $"loss {-pnl:0.00} reached the stop {position.StopLoss:0.00}");
                }

                if (!dteFires)
                {
                    return Decide(ExitDecisionKind.Hold, null,
                        $"loss {-pnl:0.00} beyond the stop {position.StopLoss:0.00}, confirmation {position.StopBreaches} of {rules.StopConfirmations}");
                }
            }

            if (dteFires)
            {
                return Decide(ExitDecisionKind.Exit, ExitReason.DaysToExpiry, $"{dte} days to expiry (exit at {rules.ExitAtDaysToExpiry})");
            }

            if (ScaleOut.Target(position, rules) is { } first && pnl >= first)
            {
                var contracts = ScaleOut.Contracts(position, rules);
                return Decide(ExitDecisionKind.Exit, ExitReason.ScaleOut,
                    $"P&L {pnl:0.00} reached the first target {first:0.00}: close {contracts} of {position.Quantity}") with { Contracts = contracts };
            }

            return Decide(ExitDecisionKind.Hold, null,
                $"P&L {pnl:0.00}: target {target:0.00}, stop -{position.StopLoss:0.00}, {dte} DTE" +
                (floor is { } trailing ? $", trailing floor {trailing:0.00}" : ""));
        }

        if (dteFires)
        {
            return new(position.PositionId, ExitDecisionKind.Exit, ExitReason.DaysToExpiry,
                $"{dte} days to expiry (exit at {rules.ExitAtDaysToExpiry}); price rules skipped: {mark.Problem}", mark.Price, null, dte);
        }

        var kind = mark.Quality == MarkQuality.Stale ? ExitDecisionKind.Stale : ExitDecisionKind.Unusable;
        return new(position.PositionId, kind, null, $"price rules skipped: {mark.Problem}", mark.Price, null, dte);
    }
}
