using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Core.Trading.Adjustments;
using OptionsAutomation.Core.Trading.Journal;

namespace OptionsAutomation.Core.Tests.Trading.Adjustments;

public sealed class AdjustmentBookingTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 11, 14, 35, 0, TimeSpan.Zero);

    private static readonly AdjustmentNumbers Numbers = new(new RiskInputs(-0.55, 578m, 580m, -600m, 115_400m, 9), new RiskScore(64, 0.857, 1, 0.01, 0.57), 6.00m, 2, null);

    private static readonly Adjustment Pending = new()
    {
        Id = 7, PositionId = 3, Ticker = "SPY", StrategyType = StrategyType.CashSecuredPut, Kind = AdjustmentKind.Reduce, Status = AdjustmentStatus.Pending,
        RiskScore = 64, Urgency = AdjustmentUrgency.High, Contracts = 1, Summary = "s", Numbers = Numbers, CreatedAt = Now.AddMinutes(-5), UpdatedAt = Now.AddMinutes(-5),
    };

    private static AdjustmentAdvice Advice(int score, AdjustmentUrgency urgency) => new(3, AdjustmentKind.Reduce, score, urgency, 1, "t", Numbers, null);

    [Fact]
    public void Refresh_WritesNothingWhenNothingShownChanged()
    {
        Assert.Null(AdjustmentBooking.Refresh(Pending, Advice(64, AdjustmentUrgency.High), Now));
    }

    [Fact]
    public void Refresh_StoresTheNewScore_AndAlertsOnlyWhenTheUrgencyRises()
    {
        var same = AdjustmentBooking.Refresh(Pending, Advice(69, AdjustmentUrgency.High), Now)!.Value;
        var higher = AdjustmentBooking.Refresh(Pending, Advice(83, AdjustmentUrgency.Critical), Now)!.Value;

        Assert.Equal((69, Now), (same.Refreshed.RiskScore, same.Refreshed.UpdatedAt));
        Assert.Equal([typeof(AdjustmentRefreshed)], same.Events.Select(e => e.GetType()));
        var alert = Assert.IsType<AlertRaised>(higher.Events[1]).Alert;
        Assert.Equal(("adjustment:7:critical", Alert.AdjustmentKind, 7L), (alert.DedupKey, alert.Kind, alert.AdjustmentId!.Value));
    }

    [Fact]
    public void Move_IsNullFromAnotherStatus_AndKeepsWhoDecidedThroughTheExecution()
    {
        Assert.Null(AdjustmentBooking.Move(Pending with { Status = AdjustmentStatus.Rejected }, [AdjustmentStatus.Pending], AdjustmentStatus.Approved, "bob", null, Now));

        var approved = AdjustmentBooking.Move(Pending, [AdjustmentStatus.Pending], AdjustmentStatus.Approved, "alice", null, Now)!.Value;
        var executed = AdjustmentBooking.Move(approved.Moved, [AdjustmentStatus.Approved], AdjustmentStatus.Executed, "alice", "done", Now.AddMinutes(1))!.Value;

        Assert.Equal([typeof(AdjustmentMoved)], approved.Events.Select(e => e.GetType()));
        Assert.Equal((AdjustmentStatus.Executed, "alice", Now, "done"), (executed.Moved.Status, executed.Moved.DecidedBy, executed.Moved.DecidedAt, executed.Moved.Outcome));
        Assert.Equal("adjustment_executed", Assert.IsType<AlertRaised>(executed.Events[1]).Alert.Kind);
    }
}
