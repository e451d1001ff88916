using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Marks;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Tests.Support;

namespace OptionsAutomation.Core.Tests.Exits;

/// <summary>
/// Scaling out on hand-computed marks. The position: SPY 580 CSP, 4 contracts, credit 1.50, no fees, 25 DTE, so max
/// profit is 1.50 × 100 × 4 = 600, P&amp;L at a mark m is (1.50 − m) × 400, the profit target 0.5 × 600 = 300 and the
/// first target at 0.25 of max profit 150; half the contracts is 2.
/// </summary>
public sealed class ScaleOutTests
{
    private static readonly DateTimeOffset Now = TestQuotes.Now;

    private static readonly ExitRuleSettings Rules = new() { ScaleOutAtFraction = 0.25m, ScaleOutShare = 0.5m };

    private static Position FourContracts() => PositionBuilder.Csp("SPY", 580m, 1.50m).WithQuantity(4).WithId(7).Build();

    private static (Position Marked, ExitDecision Decision) Step(Position position, decimal mid, ExitRuleSettings rules, DateOnly? today = null)
    {
        var mark = PositionMarker.Mark(position, TestQuotes.AtMids(position, mid), Now, rules);
        var marked = MarkUpdate.For(position, mark, null).ApplyTo(position, Now);
        return (marked, ExitRules.Evaluate(marked, mark, today ?? TestQuotes.Today, rules));
    }

    [Fact]
    public void BelowTheFirstTarget_Holds()
    {
        // Mark 1.20: P&L 0.30 × 400 = 120 < 150.
        var (_, decision) = Step(FourContracts(), 1.20m, Rules);

        Assert.Equal(ExitDecisionKind.Hold, decision.Decision);
        Assert.Null(decision.Contracts);
    }

    [Fact]
    public void AtTheFirstTarget_ClosesHalfTheContracts()
    {
        // Mark 1.10: P&L 0.40 × 400 = 160 ≥ 150 (and < 300, the profit target).
        var (_, decision) = Step(FourContracts(), 1.10m, Rules);

        Assert.Equal(ExitDecisionKind.Exit, decision.Decision);
        Assert.Equal(ExitReason.ScaleOut, decision.Reason);
        Assert.Equal(2, decision.Contracts);
        Assert.Equal(160.00m, decision.UnrealizedPnl);
        Assert.Equal("P&L 160.00 reached the first target 150.00: close 2 of 4", decision.Detail);
    }

    [Fact]
    public void AfterTheScaleOut_TheRestRunsUnderTheNormalRulesAndIsNotScaledOutAgain()
    {
        var (marked, _) = Step(FourContracts(), 1.10m, Rules);
        var scaled = marked.Reduce(2, new PositionExit(1.10m, ExitReason.ScaleOut, Now, ExecutedBy.Auto, "exit-job"), Now);

        Assert.True(scaled.IsPartial);
        Assert.True(scaled.Position.ScaledOut);
        Assert.Equal(2, scaled.Position.Quantity);
        // The scale-out's trade: 2 contracts, (1.50 − 1.10) × 200 = 80.
        Assert.Equal(ExitReason.ScaleOut, scaled.Trade.ExitReason);
        Assert.Equal(80.00m, scaled.Trade.PnlRealized);

        // The rest at 1.10: P&L 0.40 × 200 = 80 ≥ 0.25 × 300 = 75 would be a first target, but it was taken; the
        // profit target is 300 − 150 = 150. At 0.70: 0.80 × 200 = 160 ≥ 150, the whole rest exits at the profit target.
        var (rest, again) = Step(scaled.Position, 1.10m, Rules);
        Assert.Equal(ExitDecisionKind.Hold, again.Decision);
        Assert.Equal("P&L 80.00: target 150.00, stop -600.00, 25 DTE", again.Detail);
        var (_, target) = Step(rest, 0.70m, Rules);
        Assert.Equal(ExitReason.ProfitTarget, target.Reason);
        Assert.Null(target.Contracts);
    }

    [Fact]
    public void TheProfitTargetWinsOverTheScaleOut()
    {
        // Mark 0.70: P&L 0.80 × 400 = 320 ≥ 300: the whole position exits.
        var (_, decision) = Step(FourContracts(), 0.70m, Rules);

        Assert.Equal(ExitReason.ProfitTarget, decision.Reason);
        Assert.Null(decision.Contracts);
    }

    [Fact]
    public void DaysToExpiryWinsOverTheScaleOut()
    {
        // 2026-03-01 is 19 days before 2026-03-20: the 21 DTE rule closes everything.
        var (_, decision) = Step(FourContracts(), 1.10m, Rules, new DateOnly(2026, 3, 1));

        Assert.Equal(ExitReason.DaysToExpiry, decision.Reason);
        Assert.Null(decision.Contracts);
    }

    [Theory]
    [InlineData(4, 0.5, 2)]
    [InlineData(5, 0.5, 2)] // 2.5 rounded down
    [InlineData(3, 0.3, 1)] // 0.9 rounded down is 0: at least 1
    [InlineData(10, 0.75, 7)] // 7.5 rounded down
    public void Contracts_AreTheShareRoundedDownAndAtLeastOne(int quantity, double share, int expected)
    {
        var position = PositionBuilder.Csp().WithQuantity(quantity).Build();

        Assert.Equal(expected, ScaleOut.Contracts(position, Rules with { ScaleOutShare = (decimal)share }));
    }

    [Fact]
    public void OneContract_IsNotScaledOut()
    {
        // 1 contract at 1.10: P&L 40 ≥ 0.25 × 150 = 37.50, but one contract cannot be split.
        var (_, decision) = Step(PositionBuilder.Csp().Build(), 1.10m, Rules);

        Assert.Equal(ExitDecisionKind.Hold, decision.Decision);
    }

    [Fact]
    public void Off_ByDefault()
    {
        var (_, decision) = Step(FourContracts(), 1.10m, new ExitRuleSettings());

        Assert.Equal(ExitDecisionKind.Hold, decision.Decision);
    }

    [Theory]
    [InlineData(1.0, 0.5, "ExitRules:ScaleOutAtFraction must be in [0, 1) (0 = off), was 1.")]
    [InlineData(0.25, 1.0, "ExitRules:ScaleOutShare must be in (0, 1), was 1.")]
    [InlineData(0.25, 0.0, "ExitRules:ScaleOutShare must be in (0, 1), was 0.")]
    public void Validate_NamesTheKey(double at, double share, string expected)
    {
        var errors = new ExitRuleSettings { ScaleOutAtFraction = (decimal)at, ScaleOutShare = (decimal)share }.Validate();

        Assert.Equal([expected], errors);
    }
}
