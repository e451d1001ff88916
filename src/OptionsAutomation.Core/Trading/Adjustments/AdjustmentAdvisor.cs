using System.Globalization;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Marks;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Proposals;

namespace OptionsAutomation.Core.Trading.Adjustments;

/// <summary>
/// Decides, for one freshly marked open option position, whether to recommend an adjustment. Below
/// <c>RecommendAtScore</c> (<see cref="RiskScore"/>): none. At or above it: a ROLL when one pays at least
/// <c>MinRollNetCredit</c> at natural (<see cref="RollFinder"/>); otherwise a CLOSE when the loss has reached
/// <c>CloseAtLossShare</c> of the max loss or the score is CRITICAL; otherwise a REDUCE by <c>ReduceFraction</c> of a
/// position of at least <c>ReduceMinContracts</c>; otherwise (one contract) a CLOSE. Pure, and fails closed: no fresh
/// mark or no delta on the short put, no recommendation.
/// </summary>
public static class AdjustmentAdvisor
{
    /// <param name="pending">The position has a PENDING recommendation: it is kept down to <c>ClearMargin</c> below the line.</param>
    /// <summary>
    /// Whether the position scores at or above the line a pending recommendation is kept down to, so that
    /// <see cref="Evaluate"/> could recommend something: callers read the chain a roll is priced from only then.
    /// </summary>
    public static bool MayRecommend(Position position, PositionMark mark, DateOnly today, AdjustmentSettings settings) =>
        Assess(position, mark, today, settings, pending: true) is not null;

    /// <summary>The risk inputs and score of a position over the line (lowered by <c>ClearMargin</c> while one is pending); null otherwise.</summary>
    private static (RiskInputs Inputs, RiskScore Score, decimal Price)? Assess(
        Position position, PositionMark mark, DateOnly today, AdjustmentSettings settings, bool pending)
    {
        ArgumentNullException.ThrowIfNull(position);
        ArgumentNullException.ThrowIfNull(mark);
        ArgumentNullException.ThrowIfNull(settings);
        if (position is not { IsOption: true, Status: PositionStatus.Open, ShortStrike: { } shortStrike }
            || mark is not { IsFresh: true, Price: { } price })
        {
            return null;
        }

        var shortLeg = position.Legs.Select((leg, i) => (leg, i)).FirstOrDefault(l => l.leg.Side == LegSide.Short);
        if (shortLeg.leg is null || shortLeg.i >= mark.LegQuotes.Count || mark.LegQuotes[shortLeg.i] is not { Delta: { } delta } shortQuote)
        {
            return null;
        }

        var inputs = new RiskInputs(delta, shortQuote.UnderlyingPrice, shortStrike, position.PnlAt(price), position.MaxLoss, position.DaysToExpiry(today));
        var score = RiskScore.Compute(inputs, settings);
        return score.Score < settings.RecommendAtScore - (pending ? settings.ClearMargin : 0) ? null : (inputs, score, price);
    }

    public static AdjustmentAdvice? Evaluate(
        Position position, PositionMark mark, OptionChain? chain, DateOnly today,
        AdjustmentSettings settings, ProposalSettings proposals, NyseCalendar calendar, bool pending = false)
    {
        if (Assess(position, mark, today, settings, pending) is not var (inputs, score, price))
        {
            return null;
        }

        var urgency = settings.UrgencyOf(score.Score);
        var roll = chain is null ? null : RollFinder.Find(position, mark.LegQuotes, chain, today, settings, proposals, calendar);
        var numbers = new AdjustmentNumbers(inputs, score, price, position.Quantity, roll);
        var why = Why(inputs, score, urgency);
        if (roll is not null && roll.NetCredit >= settings.MinRollNetCredit)
        {
            var strikes = roll.LongStrike is { } l ? $"{Money(roll.ShortStrike)}/{Money(l)}" : Money(roll.ShortStrike);
            return new AdjustmentAdvice(position.PositionId, AdjustmentKind.Roll, score.Score, urgency, position.Quantity,
                $"{why}; roll to {roll.Expiration:yyyy-MM-dd} {strikes} for a net credit of {Money(roll.NetCredit)} at natural ({Money(roll.NetCreditAtMid)} at mid)",
                numbers, new RollTarget(roll.Expiration, roll.ShortStrike, roll.LongStrike, roll.NetCredit));
        }

        var noRoll = roll is null ? "no roll quoted" : $"no roll for a credit (best {Money(roll.NetCredit)} at natural)";
        if (inputs.LossShare >= settings.CloseAtLossShare || urgency == AdjustmentUrgency.Critical)
        {
            return new AdjustmentAdvice(position.PositionId, AdjustmentKind.Close, score.Score, urgency, position.Quantity,
                $"{why}; {noRoll}: close all {position.Quantity}", numbers, null);
        }

        if (position.Quantity >= settings.ReduceMinContracts)
        {
            var contracts = Math.Max(1, (int)Math.Floor(position.Quantity * settings.ReduceFraction));
            return new AdjustmentAdvice(position.PositionId, AdjustmentKind.Reduce, score.Score, urgency, contracts,
                $"{why}; {noRoll}: reduce by {contracts} of {position.Quantity}", numbers, null);
        }

        return new AdjustmentAdvice(position.PositionId, AdjustmentKind.Close, score.Score, urgency, position.Quantity,
            $"{why}; {noRoll}: close the one contract", numbers, null);
    }

    private static string Why(RiskInputs inputs, RiskScore score, AdjustmentUrgency urgency) => string.Create(CultureInfo.InvariantCulture,
        $"risk {score.Score} ({urgency.ToCode()}): short put {Math.Abs(inputs.ShortDelta):0.00} delta, spot {inputs.CushionPercent:0.0}% above the {Money(inputs.ShortStrike)} strike, loss {inputs.LossShare * 100:0}% of max, {inputs.DaysToExpiry} DTE");

    private static string Money(decimal value) => value.ToString("0.00##", CultureInfo.InvariantCulture);
}
