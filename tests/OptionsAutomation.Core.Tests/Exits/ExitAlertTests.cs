using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Marks;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Tests.Support;
using OptionsAutomation.Core.Trading;

namespace OptionsAutomation.Core.Tests.Exits;

public sealed class ExitAlertTests
{
    private static readonly DateTimeOffset Now = TestDates.Now;
    private static readonly DateOnly Day = new(2026, 3, 4);

    private static ClosedPosition Close(PositionBuilder builder, decimal exitPrice, ExitReason reason) =>
        builder.Build().Close(TestExits.At(exitPrice, reason), Now);

    [Fact]
    public void Exit_WorkedExampleAtProfitTarget_Text()
    {
        var closed = Close(PositionBuilder.Csp("SPY", 580m, 1.50m).WithId(5).WithRequestId("req-5"), 0.75m, ExitReason.ProfitTarget);

        var alert = Alert.Exit(closed);

        Assert.Equal("Position 5 exited — SPY CSP — profit_target — +$75.00 (50%)", alert.Text);
        Assert.Equal("exit:5", alert.DedupKey);
        Assert.Equal("exit", alert.Kind);
        Assert.Equal(5, alert.PositionId);
        Assert.Equal("req-5", alert.RequestId);
    }

    [Fact]
    public void Exit_Loss_PrintsMinusDollars()
    {
        // (1.50 − 4.64) × 100 = −314 → −209.33% of the 150 credit.
        var closed = Close(PositionBuilder.Csp("SPY", 580m, 1.50m).WithId(5), 4.64m, ExitReason.StopLoss);

        var alert = Alert.Exit(closed);

        Assert.Equal("Position 5 exited — SPY CSP — stop_loss — -$314.00 (-209.33%)", alert.Text);
    }

    [Fact]
    public void Exit_LossWithFees_UsesTheRealizedPnlAfterFees()
    {
        // (1.50 − 4.60) × 100 − 4.00 = −314
        var closed = Close(PositionBuilder.Csp("SPY", 580m, 1.50m).WithId(5).WithFees(4.00m), 4.60m, ExitReason.StopLoss);

        Assert.Equal("Position 5 exited — SPY CSP — stop_loss — -$314.00 (-209.33%)", Alert.Exit(closed).Text);
    }

    [Fact]
    public void Exit_ThousandsAreGrouped()
    {
        // (1.50 − 0.20) × 100 × 10 = 1,300 of 1,500 → 86.67%.
        var closed = Close(PositionBuilder.Csp("SPY", 580m, 1.50m).WithId(9).WithQuantity(10), 0.20m, ExitReason.ProfitTarget);

        Assert.Equal("Position 9 exited — SPY CSP — profit_target — +$1,300.00 (86.67%)", Alert.Exit(closed).Text);
    }

    [Fact]
    public void Exit_BreakEven_PrintsZeroWithoutSign()
    {
        var closed = Close(PositionBuilder.Vpc("IWM", 200m, 195m, 1.25m).WithId(3), 1.25m, ExitReason.DaysToExpiry);

        Assert.Equal("Position 3 exited — IWM VPC — 21dte — $0.00 (0%)", Alert.Exit(closed).Text);
    }

    [Fact]
    public void Exit_PercentDropsTrailingZeros()
    {
        // (1.50 − 0.90) × 100 − 1.30 = 58.70 → 39.13%; (1.50 − 0.60) × 100 = 90 → 60%.
        var withFees = Close(PositionBuilder.Csp("SPY", 580m, 1.50m).WithId(1).WithFees(1.30m), 0.90m, ExitReason.Manual);
        var round = Close(PositionBuilder.Csp("SPY", 580m, 1.50m).WithId(1), 0.60m, ExitReason.Manual);

        Assert.Equal("Position 1 exited — SPY CSP — manual — +$58.70 (39.13%)", Alert.Exit(withFees).Text);
        Assert.Equal("Position 1 exited — SPY CSP — manual — +$90.00 (60%)", Alert.Exit(round).Text);
    }

    [Fact]
    public void Exit_DedupKey_IsPerPosition()
    {
        var first = Alert.Exit(Close(PositionBuilder.Csp().WithId(5), 0.75m, ExitReason.ProfitTarget));
        var again = Alert.Exit(Close(PositionBuilder.Csp().WithId(5), 0.70m, ExitReason.ProfitTarget));
        var other = Alert.Exit(Close(PositionBuilder.Csp().WithId(6), 0.75m, ExitReason.ProfitTarget));

        Assert.Equal(first.DedupKey, again.DedupKey);
        Assert.NotEqual(first.DedupKey, other.DedupKey);
    }

    [Fact]
    public void ExitFailed_TextAndKey()
    {
        var position = PositionBuilder.Csp("SPY", 580m, 1.50m).WithId(5).WithRequestId("req-5").Build();

        var alert = Alert.ExitFailed(position, ExitReason.StopLoss, "close-5-stop_loss", "rejected: market closed");

        Assert.Equal("exit-failed:close-5-stop_loss", alert.DedupKey);
        Assert.Equal("exit_failed", alert.Kind);
        Assert.Equal(
            "Position 5 SPY CSP: closing order for stop_loss failed (rejected: market closed); the position stays OPEN.",
            alert.Text);
        Assert.Equal(5, alert.PositionId);
        Assert.Equal("req-5", alert.RequestId);
    }

    [Fact]
    public void MarkProblem_Stale_TextKindAndKey()
    {
        var position = PositionBuilder.Csp("SPY", 580m, 1.50m).WithId(5).WithRequestId("req-5").Build();

        var alert = Alert.MarkProblem(position, MarkQuality.Stale, "quotes are 11 min old (limit 10 min)", Day);

        Assert.Equal("mark:5:STALE:2026-03-04", alert.DedupKey);
        Assert.Equal("mark_stale", alert.Kind);
        Assert.Equal(
            "Position 5 SPY CSP: mark is STALE (quotes are 11 min old (limit 10 min)); price exits are paused.",
            alert.Text);
        Assert.Equal(5, alert.PositionId);
        Assert.Equal("req-5", alert.RequestId);
    }

    [Fact]
    public void MarkProblem_Unusable_TextKindAndKey()
    {
        var position = PositionBuilder.Vpc("IWM", 200m, 195m, 1.25m).WithId(3).Build();

        var alert = Alert.MarkProblem(position, MarkQuality.Unusable, "no bid for IWM   260320P00195000", Day);

        Assert.Equal("mark:3:UNUSABLE:2026-03-04", alert.DedupKey);
        Assert.Equal("mark_unusable", alert.Kind);
        Assert.Equal("Position 3 IWM VPC: mark is UNUSABLE (no bid for IWM   260320P00195000); price exits are paused.", alert.Text);
    }

    [Fact]
    public void MarkProblem_SamePositionQualityAndDay_DifferentWording_SameKey()
    {
        var position = PositionBuilder.Csp().WithId(5).Build();

        var first = Alert.MarkProblem(position, MarkQuality.Stale, "quotes are 11 min old (limit 10 min)", Day);
        var later = Alert.MarkProblem(position, MarkQuality.Stale, "quotes are 2.5 h old (limit 10 min)", Day);

        Assert.Equal(first.DedupKey, later.DedupKey);
    }

    [Fact]
    public void MarkProblem_NextDay_NewKey()
    {
        var position = PositionBuilder.Csp().WithId(5).Build();

        var today = Alert.MarkProblem(position, MarkQuality.Stale, "x", Day);
        var tomorrow = Alert.MarkProblem(position, MarkQuality.Stale, "x", Day.AddDays(1));

        Assert.NotEqual(today.DedupKey, tomorrow.DedupKey);
        Assert.Equal("mark:5:STALE:2026-03-05", tomorrow.DedupKey);
    }

    [Fact]
    public void MarkProblem_OtherQuality_NewKey()
    {
        var position = PositionBuilder.Csp().WithId(5).Build();

        var stale = Alert.MarkProblem(position, MarkQuality.Stale, "x", Day);
        var unusable = Alert.MarkProblem(position, MarkQuality.Unusable, "x", Day);

        Assert.NotEqual(stale.DedupKey, unusable.DedupKey);
    }

    [Fact]
    public void MarkProblem_OtherPosition_NewKey()
    {
        var five = Alert.MarkProblem(PositionBuilder.Csp().WithId(5).Build(), MarkQuality.Stale, "x", Day);
        var six = Alert.MarkProblem(PositionBuilder.Csp().WithId(6).Build(), MarkQuality.Stale, "x", Day);

        Assert.NotEqual(five.DedupKey, six.DedupKey);
    }
}
