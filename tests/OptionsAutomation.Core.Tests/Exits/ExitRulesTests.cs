using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Marks;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Tests.Support;

namespace OptionsAutomation.Core.Tests.Exits;

public sealed class ExitRulesTests
{
    private const string Put580 = "SPY   260320P00580000";

    private static readonly DateTimeOffset Now = TestQuotes.Now;

    /// <summary>2026-02-23: 25 days before the default expiration 2026-03-20.</summary>
    private static readonly DateOnly Today = TestQuotes.Today;

    /// <summary>2026-02-27: exactly 21 days before 2026-03-20.</summary>
    private static readonly DateOnly DteDay = new(2026, 2, 27);

    private static readonly ExitRuleSettings Rules = new();

    private static Position WorkedExample() => PositionBuilder.Csp("SPY", 580m, 1.50m).WithId(5).Build();

    /// <summary>Marks <paramref name="position"/> from fresh leg mids, applies the mark, and evaluates it.</summary>
    private static (Position Marked, ExitDecision Decision) Step(
        Position position, IReadOnlyList<OptionQuote?> quotes, DateOnly? today = null, ExitRuleSettings? rules = null)
    {
        rules ??= Rules;
        var mark = PositionMarker.Mark(position, quotes, Now, rules);
        var marked = MarkUpdate.For(position, mark, null).ApplyTo(position, Now);
        return (marked, ExitRules.Evaluate(marked, mark, today ?? Today, rules));
    }

    private static ExitDecision Evaluate(Position position, decimal mid, DateOnly? today = null, ExitRuleSettings? rules = null) =>
        Step(position, TestQuotes.AtMids(position, mid), today, rules).Decision;

    private static ExitDecision EvaluateStale(Position position, decimal mid, DateOnly? today = null) =>
        Step(position, [TestQuotes.AtMid(position.Legs[0].Contract, mid, Now.AddMinutes(-11))], today).Decision;

    private static ExitDecision EvaluateUnusable(Position position, DateOnly? today = null) =>
        Step(position, [TestQuotes.Quote(position.Legs[0].Contract, null, 0.80m)], today).Decision;

    private static void AssertExit(ExitDecision decision, ExitReason reason)
    {
        Assert.Equal(ExitDecisionKind.Exit, decision.Decision);
        Assert.Equal(reason, decision.Reason);
    }

    private static void AssertHold(ExitDecision decision)
    {
        Assert.Equal(ExitDecisionKind.Hold, decision.Decision);
        Assert.Null(decision.Reason);
    }

    // ---- the worked example ----

    [Fact]
    public void Evaluate_WorkedExampleMarkedAt350_Holds()
    {
        var decision = Evaluate(WorkedExample(), 3.50m);

        AssertHold(decision);
        Assert.Equal(5, decision.PositionId);
        Assert.Equal(3.50m, decision.MarkPrice);
        Assert.Equal(-200.00m, decision.UnrealizedPnl);
        Assert.Equal(25, decision.DaysToExpiry);
        Assert.Equal("P&L -200.00: target 75.00, stop -300.00, 25 DTE", decision.Detail);
    }

    [Fact]
    public void Evaluate_FreshMarkAtTarget_ExitsProfitTarget()
    {
        // The worked example: 0.75 → P&L +75 ≥ target 75.
        var decision = Evaluate(WorkedExample(), 0.75m);

        AssertExit(decision, ExitReason.ProfitTarget);
        Assert.Equal(5, decision.PositionId);
        Assert.Equal(0.75m, decision.MarkPrice);
        Assert.Equal(75.00m, decision.UnrealizedPnl);
        Assert.Equal(25, decision.DaysToExpiry);
        Assert.Equal("P&L 75.00 reached the target 75.00", decision.Detail);
    }

    [Fact]
    public void Evaluate_FreshMarkOneCentShortOfTarget_Holds()
    {
        // 0.76 → +74
        var decision = Evaluate(WorkedExample(), 0.76m);

        AssertHold(decision);
        Assert.Equal(74.00m, decision.UnrealizedPnl);
    }

    [Fact]
    public void Evaluate_FreshMarkBeyondTarget_ExitsProfitTarget()
    {
        var decision = Evaluate(WorkedExample(), 0.20m);

        AssertExit(decision, ExitReason.ProfitTarget);
        Assert.Equal(130.00m, decision.UnrealizedPnl);
        Assert.Equal("P&L 130.00 reached the target 75.00", decision.Detail);
    }

    [Fact]
    public void Evaluate_FreshMarkAtEntry_Holds()
    {
        var decision = Evaluate(WorkedExample(), 1.50m);

        AssertHold(decision);
        Assert.Equal(0m, decision.UnrealizedPnl);
        Assert.Equal("P&L 0.00: target 75.00, stop -300.00, 25 DTE", decision.Detail);
    }

    // ---- stop loss ----

    [Fact]
    public void Evaluate_FreshMarkAtStop_ExitsStopLoss()
    {
        // 4.50 → −300, exactly the stop (2 × the 150 credit).
        var decision = Evaluate(WorkedExample(), 4.50m);

        AssertExit(decision, ExitReason.StopLoss);
        Assert.Equal(-300.00m, decision.UnrealizedPnl);
        Assert.Equal("loss 300.00 reached the stop 300.00", decision.Detail);
    }

    [Fact]
    public void Evaluate_FreshMarkOneCentShortOfStop_Holds()
    {
        // 4.49 → −299
        var decision = Evaluate(WorkedExample(), 4.49m);

        AssertHold(decision);
        Assert.Equal(-299.00m, decision.UnrealizedPnl);
        Assert.Equal("P&L -299.00: target 75.00, stop -300.00, 25 DTE", decision.Detail);
    }

    [Fact]
    public void Evaluate_FreshMarkBeyondStop_ExitsStopLoss()
    {
        var decision = Evaluate(WorkedExample(), 6.14m);

        AssertExit(decision, ExitReason.StopLoss);
        Assert.Equal(-464.00m, decision.UnrealizedPnl);
        Assert.Equal("loss 464.00 reached the stop 300.00", decision.Detail);
    }

    [Fact]
    public void Evaluate_TwoConfirmations_FirstBreachHolds()
    {
        var rules = new ExitRuleSettings { StopConfirmations = 2 };

        var decision = Evaluate(WorkedExample(), 4.50m, rules: rules);

        AssertHold(decision);
        Assert.Equal(-300.00m, decision.UnrealizedPnl);
        Assert.Equal("loss 300.00 beyond the stop 300.00, confirmation 1 of 2", decision.Detail);
    }

    [Fact]
    public void Evaluate_TwoConfirmations_SecondConsecutiveBreachExits()
    {
        var rules = new ExitRuleSettings { StopConfirmations = 2 };

        var (first, firstDecision) = Step(WorkedExample(), TestQuotes.AtMids(WorkedExample(), 4.60m), rules: rules);
        var (second, secondDecision) = Step(first, TestQuotes.AtMids(first, 4.50m), rules: rules);

        AssertHold(firstDecision);
        Assert.Equal(2, second.StopBreaches);
        AssertExit(secondDecision, ExitReason.StopLoss);
        Assert.Equal("loss 300.00 reached the stop 300.00", secondDecision.Detail);
    }

    [Fact]
    public void Evaluate_ThreeConfirmations_CountsEachBreachInDetail()
    {
        var rules = new ExitRuleSettings { StopConfirmations = 3 };
        var position = WorkedExample();

        (position, var d1) = Step(position, TestQuotes.AtMids(position, 5.00m), rules: rules);
        (position, var d2) = Step(position, TestQuotes.AtMids(position, 5.00m), rules: rules);
        (_, var d3) = Step(position, TestQuotes.AtMids(position, 5.00m), rules: rules);

        Assert.Equal("loss 350.00 beyond the stop 300.00, confirmation 1 of 3", d1.Detail);
        Assert.Equal("loss 350.00 beyond the stop 300.00, confirmation 2 of 3", d2.Detail);
        AssertHold(d1);
        AssertHold(d2);
        AssertExit(d3, ExitReason.StopLoss);
    }

    [Fact]
    public void Evaluate_TwoConfirmations_RecoveryInBetweenStartsOver()
    {
        var rules = new ExitRuleSettings { StopConfirmations = 2 };
        var position = WorkedExample();

        (position, var d1) = Step(position, TestQuotes.AtMids(position, 5.00m), rules: rules);
        (position, var d2) = Step(position, TestQuotes.AtMids(position, 3.00m), rules: rules);
        (position, var d3) = Step(position, TestQuotes.AtMids(position, 5.00m), rules: rules);

        AssertHold(d1);
        AssertHold(d2);
        Assert.Equal("loss 350.00 beyond the stop 300.00, confirmation 1 of 2", d3.Detail);
        AssertHold(d3);
        Assert.Equal(1, position.StopBreaches);
    }

    [Fact]
    public void Evaluate_TwoConfirmations_StaleMarkInBetweenKeepsTheCount()
    {
        var rules = new ExitRuleSettings { StopConfirmations = 2 };
        var position = WorkedExample();
        var contract = position.Legs[0].Contract;

        (position, _) = Step(position, TestQuotes.AtMids(position, 5.00m), rules: rules);
        (position, var stale) = Step(position, [TestQuotes.AtMid(contract, 5.00m, Now.AddMinutes(-30))], rules: rules);
        (_, var second) = Step(position, TestQuotes.AtMids(position, 5.00m), rules: rules);

        Assert.Equal(ExitDecisionKind.Stale, stale.Decision);
        AssertExit(second, ExitReason.StopLoss);
    }

    // ---- fees and quantity ----

    [Fact]
    public void Evaluate_FeesCount_AgainstTheTarget()
    {
        // Fees 1.30: 0.75 → 73.70 (< 75, hold); 0.73 → 75.70 (exit).
        var position = PositionBuilder.Csp("SPY", 580m, 1.50m).WithFees(1.30m).Build();

        var hold = Evaluate(position, 0.75m);
        var exit = Evaluate(position, 0.73m);

        AssertHold(hold);
        Assert.Equal(73.70m, hold.UnrealizedPnl);
        AssertExit(exit, ExitReason.ProfitTarget);
        Assert.Equal(75.70m, exit.UnrealizedPnl);
    }

    [Fact]
    public void Evaluate_FeesCount_TowardsTheStop()
    {
        // Fees 1.30: 4.49 → −300.30, beyond the 300 stop.
        var position = PositionBuilder.Csp("SPY", 580m, 1.50m).WithFees(1.30m).Build();

        var decision = Evaluate(position, 4.49m);

        AssertExit(decision, ExitReason.StopLoss);
        Assert.Equal(-300.30m, decision.UnrealizedPnl);
        Assert.Equal("loss 300.30 reached the stop 300.00", decision.Detail);
    }

    [Fact]
    public void Evaluate_ThreeContracts_TargetAt225()
    {
        // Credit 1.50 × 100 × 3 = 450 max profit: target 225, stop 900.
        var position = PositionBuilder.Csp("SPY", 580m, 1.50m).WithQuantity(3).Build();
        Assert.Equal(225.00m, position.ProfitTarget);
        Assert.Equal(900.00m, position.StopLoss);

        var atTarget = Evaluate(position, 0.75m);
        var shortOfTarget = Evaluate(position, 0.76m);

        AssertExit(atTarget, ExitReason.ProfitTarget);
        Assert.Equal(225.00m, atTarget.UnrealizedPnl);
        AssertHold(shortOfTarget);
        Assert.Equal(222.00m, shortOfTarget.UnrealizedPnl);
    }

    [Fact]
    public void Evaluate_ThreeContracts_StopAt900()
    {
        var position = PositionBuilder.Csp("SPY", 580m, 1.50m).WithQuantity(3).Build();

        var atStop = Evaluate(position, 4.50m);
        var shortOfStop = Evaluate(position, 4.49m);

        AssertExit(atStop, ExitReason.StopLoss);
        Assert.Equal(-900.00m, atStop.UnrealizedPnl);
        Assert.Equal("loss 900.00 reached the stop 900.00", atStop.Detail);
        AssertHold(shortOfStop);
        Assert.Equal(-897.00m, shortOfStop.UnrealizedPnl);
    }

    // ---- VPC ----

    [Fact]
    public void Evaluate_VpcMarkedFromTwoLegs_Holds()
    {
        // Short 580 mid 2.10, long 575 mid 0.90 → mark 1.20; (1.50 − 1.20) × 100 = +30.
        var position = PositionBuilder.Vpc("SPY", 580m, 575m, 1.50m).Build();

        var decision = Step(position, TestQuotes.AtMids(position, 2.10m, 0.90m)).Decision;

        AssertHold(decision);
        Assert.Equal(1.20m, decision.MarkPrice);
        Assert.Equal(30.00m, decision.UnrealizedPnl);
    }

    [Fact]
    public void Evaluate_VpcAtTarget_ExitsProfitTarget()
    {
        // 1.05 − 0.30 = 0.75 → +75
        var position = PositionBuilder.Vpc("SPY", 580m, 575m, 1.50m).Build();

        var decision = Step(position, TestQuotes.AtMids(position, 1.05m, 0.30m)).Decision;

        AssertExit(decision, ExitReason.ProfitTarget);
        Assert.Equal(0.75m, decision.MarkPrice);
        Assert.Equal(75.00m, decision.UnrealizedPnl);
    }

    [Fact]
    public void Evaluate_VpcAtStop_ExitsStopLoss()
    {
        // Stop = min(2 × 150, max loss 350) = 300. 6.50 − 2.00 = 4.50 → −300.
        var position = PositionBuilder.Vpc("SPY", 580m, 575m, 1.50m).Build();
        Assert.Equal(300.00m, position.StopLoss);

        var decision = Step(position, TestQuotes.AtMids(position, 6.50m, 2.00m)).Decision;

        AssertExit(decision, ExitReason.StopLoss);
        Assert.Equal(4.50m, decision.MarkPrice);
        Assert.Equal(-300.00m, decision.UnrealizedPnl);
    }

    [Fact]
    public void Evaluate_VpcWithCappedStop_FiresAtMaxLoss()
    {
        // 580/575 for 2.00: 2 × 200 = 400 exceeds the max loss (5 − 2) × 100 = 300, so the stop is 300.
        var position = PositionBuilder.Vpc("SPY", 580m, 575m, 2.00m).Build();
        Assert.Equal(300.00m, position.StopLoss);

        var decision = Step(position, TestQuotes.AtMids(position, 7.00m, 2.00m)).Decision;

        AssertExit(decision, ExitReason.StopLoss);
        Assert.Equal(-300.00m, decision.UnrealizedPnl);
    }

    // ---- days to expiry ----

    [Fact]
    public void Evaluate_22DaysToExpiry_Holds()
    {
        var decision = Evaluate(WorkedExample(), 1.20m, DteDay.AddDays(-1));

        AssertHold(decision);
        Assert.Equal(22, decision.DaysToExpiry);
    }

    [Fact]
    public void Evaluate_Exactly21DaysToExpiry_Exits21Dte()
    {
        var decision = Evaluate(WorkedExample(), 1.20m, DteDay);

        AssertExit(decision, ExitReason.DaysToExpiry);
        Assert.Equal(21, decision.DaysToExpiry);
        Assert.Equal(1.20m, decision.MarkPrice);
        Assert.Equal(30.00m, decision.UnrealizedPnl);
        Assert.Equal("21 days to expiry (exit at 21)", decision.Detail);
    }

    [Fact]
    public void Evaluate_PastExpiration_Exits21Dte()
    {
        var decision = Evaluate(WorkedExample(), 1.20m, new DateOnly(2026, 3, 23));

        AssertExit(decision, ExitReason.DaysToExpiry);
        Assert.Equal(-3, decision.DaysToExpiry);
    }

    [Fact]
    public void Evaluate_DteThreshold_ComesFromSettings()
    {
        var rules = new ExitRuleSettings { ExitAtDaysToExpiry = 7 };

        var hold = Evaluate(WorkedExample(), 1.20m, new DateOnly(2026, 3, 12), rules);
        var exit = Evaluate(WorkedExample(), 1.20m, new DateOnly(2026, 3, 13), rules);

        AssertHold(hold);
        Assert.Equal(8, hold.DaysToExpiry);
        AssertExit(exit, ExitReason.DaysToExpiry);
        Assert.Equal("7 days to expiry (exit at 7)", exit.Detail);
    }

    [Fact]
    public void Evaluate_DteCountsCalendarDays_AcrossAWeekend()
    {
        // Friday 2026-02-27 → Friday 2026-03-20 is 21 calendar days (15 trading days).
        Assert.Equal(21, WorkedExample().DaysToExpiry(DteDay));
        Assert.Equal(25, WorkedExample().DaysToExpiry(Today));
        Assert.Equal(0, WorkedExample().DaysToExpiry(TestDates.Expiration));
    }

    [Fact]
    public void Evaluate_TargetAndDteTogether_ProfitTargetWins()
    {
        var decision = Evaluate(WorkedExample(), 0.75m, DteDay);

        AssertExit(decision, ExitReason.ProfitTarget);
        Assert.Equal(21, decision.DaysToExpiry);
    }

    [Fact]
    public void Evaluate_StopAndDteTogether_StopLossWins()
    {
        var decision = Evaluate(WorkedExample(), 4.50m, DteDay);

        AssertExit(decision, ExitReason.StopLoss);
    }

    [Fact]
    public void Evaluate_UnconfirmedStopAtDte_Exits21Dte()
    {
        var rules = new ExitRuleSettings { StopConfirmations = 2 };

        var decision = Evaluate(WorkedExample(), 4.50m, DteDay, rules);

        AssertExit(decision, ExitReason.DaysToExpiry);
        Assert.Equal(-300.00m, decision.UnrealizedPnl);
        Assert.Equal("21 days to expiry (exit at 21)", decision.Detail);
    }

    // ---- stale and unusable marks ----

    [Fact]
    public void Evaluate_StaleMark_ReportsStale()
    {
        var decision = EvaluateStale(WorkedExample(), 1.20m);

        Assert.Equal(ExitDecisionKind.Stale, decision.Decision);
        Assert.Null(decision.Reason);
        Assert.Equal(1.20m, decision.MarkPrice);
        Assert.Null(decision.UnrealizedPnl);
        Assert.Equal(25, decision.DaysToExpiry);
        Assert.Equal("price rules skipped: quotes are 11 min old (limit 10 min)", decision.Detail);
    }

    [Fact]
    public void Evaluate_StaleMarkBeyondTarget_DoesNotExit()
    {
        var decision = EvaluateStale(WorkedExample(), 0.20m);

        Assert.Equal(ExitDecisionKind.Stale, decision.Decision);
        Assert.Null(decision.Reason);
    }

    [Fact]
    public void Evaluate_StaleMarkBeyondStop_DoesNotExit()
    {
        var decision = EvaluateStale(WorkedExample(), 6.00m);

        Assert.Equal(ExitDecisionKind.Stale, decision.Decision);
        Assert.Null(decision.Reason);
    }

    [Fact]
    public void Evaluate_UnusableMark_ReportsUnusable()
    {
        var decision = EvaluateUnusable(WorkedExample());

        Assert.Equal(ExitDecisionKind.Unusable, decision.Decision);
        Assert.Null(decision.Reason);
        Assert.Null(decision.MarkPrice);
        Assert.Null(decision.UnrealizedPnl);
        Assert.Equal(25, decision.DaysToExpiry);
        Assert.Equal($"price rules skipped: no bid for {Put580}", decision.Detail);
    }

    [Fact]
    public void Evaluate_WideSpreadAtTarget_DoesNotExit()
    {
        // bid 0.40, ask 1.10: mid 0.75 would hit the target, but the spread is 93% of mid.
        var position = WorkedExample();

        var decision = Step(position, [TestQuotes.Quote(position.Legs[0].Contract, 0.40m, 1.10m)]).Decision;

        Assert.Equal(ExitDecisionKind.Unusable, decision.Decision);
        Assert.Null(decision.Reason);
        Assert.Equal($"price rules skipped: spread of {Put580} is 93.3% of mid (limit 30%)", decision.Detail);
    }

    [Fact]
    public void Evaluate_StaleMarkAtDte_Exits21Dte()
    {
        var decision = EvaluateStale(WorkedExample(), 1.20m, DteDay);

        AssertExit(decision, ExitReason.DaysToExpiry);
        Assert.Equal(21, decision.DaysToExpiry);
        Assert.Null(decision.UnrealizedPnl);
        Assert.Equal("21 days to expiry (exit at 21); price rules skipped: quotes are 11 min old (limit 10 min)", decision.Detail);
    }

    [Fact]
    public void Evaluate_UnusableMarkAtDte_Exits21Dte()
    {
        var decision = EvaluateUnusable(WorkedExample(), DteDay);

        AssertExit(decision, ExitReason.DaysToExpiry);
        Assert.Null(decision.MarkPrice);
        Assert.Null(decision.UnrealizedPnl);
        Assert.Equal($"21 days to expiry (exit at 21); price rules skipped: no bid for {Put580}", decision.Detail);
    }

    [Fact]
    public void Evaluate_StaleMarkBeyondStopAtDte_Exits21DteNotStopLoss()
    {
        var decision = EvaluateStale(WorkedExample(), 6.00m, DteDay);

        AssertExit(decision, ExitReason.DaysToExpiry);
    }

    [Fact]
    public void Evaluate_StaleMark_IgnoresAnEarlierFreshPnl()
    {
        // A previous fresh mark put the position beyond its target; a stale mark now must not exit on it.
        var position = WorkedExample() with { MarkPrice = 0.50m, UnrealizedPnl = 100m, StopBreaches = 0 };

        var decision = EvaluateStale(position, 1.40m);

        Assert.Equal(ExitDecisionKind.Stale, decision.Decision);
    }
}
