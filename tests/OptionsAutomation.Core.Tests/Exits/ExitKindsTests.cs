using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Marks;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Tests.Support;

namespace OptionsAutomation.Core.Tests.Exits;

/// <summary>
/// The trailing profit stop and the time-decay target on hand-computed mark sequences. The position is the worked
/// example: SPY 580 CSP, 1 contract, credit 1.50, no fees, opened 2026-02-20, expiring 2026-03-20 (28 days), so max
/// profit is 1.50 × 100 = 150 and P&amp;L at a mark m is (1.50 − m) × 100.
/// </summary>
public sealed class ExitKindsTests
{
    private static readonly DateTimeOffset Now = TestQuotes.Now;

    /// <summary>Activate at 0.3 × 150 = 45, give back half the best; the fixed target stays 0.5 × 150 = 75.</summary>
    private static readonly ExitRuleSettings Trailing = new() { TrailingActivationFraction = 0.3m, TrailingGiveBackFraction = 0.5m };

    private static Position WorkedExample() => PositionBuilder.Csp("SPY", 580m, 1.50m).WithId(5).Build();

    /// <summary>Marks at <paramref name="mid"/>, applies the mark (as the mark ledger stores it) and evaluates.</summary>
    private static (Position Marked, ExitDecision Decision) Step(Position position, decimal mid, ExitRuleSettings rules, DateOnly? today = null)
    {
        var mark = PositionMarker.Mark(position, TestQuotes.AtMids(position, mid), Now, rules);
        var marked = MarkUpdate.For(position, mark, null).ApplyTo(position, Now);
        return (marked, ExitRules.Evaluate(marked, mark, today ?? TestQuotes.Today, rules));
    }

    /// <summary>Runs the marks in order and returns each decision (stopping at nothing: the caller reads them all).</summary>
    private static List<ExitDecision> Walk(ExitRuleSettings rules, params decimal[] mids)
    {
        var position = WorkedExample();
        var decisions = new List<ExitDecision>();
        foreach (var mid in mids)
        {
            (position, var decision) = Step(position, mid, rules);
            decisions.Add(decision);
        }

        return decisions;
    }

    [Fact]
    public void Trailing_ActivatesAtThirtyPercentAndFiresAfterGivingBackHalfTheBest()
    {
        // P&L: 1.20 → +30 (best 30 < 45, inactive); 1.00 → +50 (best 50 ≥ 45: floor 25); 0.90 → +60 (floor 30);
        // 1.15 → +35 (> 30, hold); 1.20 → +30 (≤ 30: exit).
        var decisions = Walk(Trailing, 1.20m, 1.00m, 0.90m, 1.15m, 1.20m);

        Assert.All(decisions.Take(4), d => Assert.Equal(ExitDecisionKind.Hold, d.Decision));
        Assert.Equal("P&L 30.00: target 75.00, stop -300.00, 25 DTE", decisions[0].Detail);
        Assert.Equal("P&L 50.00: target 75.00, stop -300.00, 25 DTE, trailing floor 25.00", decisions[1].Detail);
        Assert.Equal("P&L 35.00: target 75.00, stop -300.00, 25 DTE, trailing floor 30.00", decisions[3].Detail);
        Assert.Equal(ExitDecisionKind.Exit, decisions[4].Decision);
        Assert.Equal(ExitReason.TrailingStop, decisions[4].Reason);
        Assert.Equal(30.00m, decisions[4].UnrealizedPnl);
        Assert.Equal("P&L 30.00 fell to the trailing floor 30.00 (best 60.00)", decisions[4].Detail);
    }

    [Fact]
    public void Trailing_Off_SameMarksHoldThroughout()
    {
        // Defaults: +30 never reaches the 75 target nor the −300 stop at 25 DTE.
        var decisions = Walk(new ExitRuleSettings(), 1.20m, 1.00m, 0.90m, 1.15m, 1.20m);

        Assert.All(decisions, d => Assert.Equal(ExitDecisionKind.Hold, d.Decision));
    }

    [Fact]
    public void Trailing_NeverActivated_DoesNotFire()
    {
        // Best +40 (mark 1.10) < 45: a fall back to +5 is no trailing exit.
        var decisions = Walk(Trailing, 1.10m, 1.45m);

        Assert.All(decisions, d => Assert.Equal(ExitDecisionKind.Hold, d.Decision));
    }

    [Fact]
    public void Trailing_PeakComesFromTheStoredMfe_SoARestartTrailsFromIt()
    {
        // A worker that restarts reads the position back with mfe = 60 (best mark 0.90); the first mark after the
        // restart, 1.20 (+30 ≤ 60 × 0.5), exits without having seen the peak in this process.
        var stored = WorkedExample() with { Mfe = 60.00m, Mae = 0.00m };

        var (_, decision) = Step(stored, 1.20m, Trailing);

        Assert.Equal(ExitReason.TrailingStop, decision.Reason);
    }

    [Fact]
    public void Trailing_FixedTargetStillWins()
    {
        // 0.75 → +75 = the target: profit_target, not trailing, though the floor (37.50) is active.
        var (_, decision) = Step(WorkedExample(), 0.75m, Trailing);

        Assert.Equal(ExitReason.ProfitTarget, decision.Reason);
    }

    // ---- time-decay target: fraction = start + (0.50 − start) × elapsed ÷ 28 ----

    /// <summary>Start at 25% of max profit; 21 DTE off so late days test the target alone.</summary>
    private static readonly ExitRuleSettings Decay = new() { TimeDecayStartFraction = 0.25m, ExitAtDaysToExpiry = 0 };

    [Theory]
    // Entry day: 0.25 × 150 = 37.50. Mark 1.13 → +37 holds, 1.12 → +38 exits.
    [InlineData(2026, 2, 20, "1.13", false, "37.50")]
    [InlineData(2026, 2, 20, "1.12", true, "37.50")]
    // Day 14 of 28: 0.25 + 0.25 × 14/28 = 0.375 → 56.25. Mark 0.94 → +56 holds, 0.93 → +57 exits.
    [InlineData(2026, 3, 6, "0.94", false, "56.25")]
    [InlineData(2026, 3, 6, "0.93", true, "56.25")]
    // Day 21 of 28: 0.25 + 0.25 × 21/28 = 0.4375 → 65.625 (shown 65.63). Mark 0.85 → +65 holds, 0.84 → +66 exits.
    [InlineData(2026, 3, 13, "0.85", false, "65.63")]
    [InlineData(2026, 3, 13, "0.84", true, "65.63")]
    public void TimeDecay_TargetRisesLinearlyFromStartToProfitTarget(int year, int month, int day, string mid, bool exits, string target)
    {
        var today = new DateOnly(year, month, day);

        var (_, decision) = Step(WorkedExample(), decimal.Parse(mid, System.Globalization.CultureInfo.InvariantCulture), Decay, today);

        Assert.Equal(exits ? ExitDecisionKind.Exit : ExitDecisionKind.Hold, decision.Decision);
        Assert.Contains($"target {target}", decision.Detail, StringComparison.Ordinal);
        if (exits)
        {
            Assert.Equal(ExitReason.ProfitTarget, decision.Reason);
        }
    }

    [Fact]
    public void TimeDecay_ThirdDay_HandComputedFraction()
    {
        // 0.25 + 0.25 × 3/28 = 0.276785714…; × 150 = 41.517857… Mark 1.08 → +42 exits; with the rule off it holds (75).
        Assert.Equal(0.25m + (0.25m * 3m / 28m), TimeDecayTarget.Fraction(WorkedExample(), TestQuotes.Today, Decay));

        var (_, on) = Step(WorkedExample(), 1.08m, Decay);
        var (_, off) = Step(WorkedExample(), 1.08m, new ExitRuleSettings { ExitAtDaysToExpiry = 0 });

        Assert.Equal("P&L 42.00 reached the time-decay target 41.52 (0.277 of max profit)", on.Detail);
        Assert.Equal(ExitDecisionKind.Hold, off.Decision);
    }

    [Fact]
    public void TimeDecay_StartAboveTarget_AsksMoreEarly()
    {
        // The reverse schedule: start 0.80, day 14 → 0.80 − 0.30 × 14/28 = 0.65 → 97.50; +75 (mark 0.75) holds
        // where the fixed 75 target would exit.
        var rules = Decay with { TimeDecayStartFraction = 0.80m };

        var (_, decision) = Step(WorkedExample(), 0.75m, rules, new DateOnly(2026, 3, 6));

        Assert.Equal(ExitDecisionKind.Hold, decision.Decision);
        Assert.Contains("target 97.50", decision.Detail, StringComparison.Ordinal);
    }
}
