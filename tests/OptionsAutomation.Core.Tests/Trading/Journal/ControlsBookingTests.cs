using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Tests.Support;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Core.Trading.Journal;

namespace OptionsAutomation.Core.Tests.Trading.Journal;

/// <summary>Core, not the adapter, decides what a trading-state change, a breaker reset and a breaker feed write and alert.</summary>
public sealed class ControlsBookingTests
{
    private static readonly DateTimeOffset Now = TestDates.Now;
    private static readonly RiskSettings Risk = new() { MaxConsecutiveErrors = 2, MaxConsecutiveLosses = 2, CircuitBreakerCooldownMinutes = 30 };

    [Fact]
    public void StateChanged_IsWrittenAndAlertedWithWhoAndWhy()
    {
        var events = ControlsBooking.StateChanged(TradingState.Active, TradingState.Halted, "incident", "alice", Now);

        Assert.Collection(events,
            e => Assert.Equal(new TradingStateChanged(TradingState.Active, TradingState.Halted, "incident", "alice"), e),
            e => Assert.Equal("Trading ACTIVE → HALTED by alice: incident", Assert.IsType<AlertRaised>(e).Alert.Text));
    }

    [Theory]
    [InlineData(TradingState.Active, TradingState.Reducing, true)]
    [InlineData(TradingState.Reducing, TradingState.Halted, true)]
    [InlineData(TradingState.Halted, TradingState.Reducing, false)]
    [InlineData(TradingState.Reducing, TradingState.Reducing, false)]
    public void Tightened_OnlyEverMakesTheStateMoreRestrictive(TradingState from, TradingState to, bool changes)
    {
        var events = ControlsBooking.Tightened(from, to, "emergency", "risk-monitor", Now);

        Assert.Equal(changes, events is not null);
    }

    [Fact]
    public void ResetBreaker_RefusedUntilTrippedAndCooledDown_ThenWrittenAndAlerted()
    {
        Assert.Throws<BreakerResetRefusedException>(() => ControlsBooking.ResetBreaker(CircuitBreaker.Closed, "alice", Now, Risk));
        var tripped = CircuitBreaker.Closed.RecordExecutionError(Now, Risk).RecordExecutionError(Now, Risk);
        Assert.Throws<BreakerResetRefusedException>(() => ControlsBooking.ResetBreaker(tripped, "alice", Now.AddMinutes(29), Risk));

        var (reset, events) = ControlsBooking.ResetBreaker(tripped, "alice", Now.AddMinutes(30), Risk);

        Assert.False(reset.IsTripped);
        Assert.Collection(events,
            e => Assert.Equal(new BreakerReset(tripped, reset, "alice"), e),
            e => Assert.Equal(new AlertRaised(Alert.BreakerReset("alice", Now.AddMinutes(30))), e));
    }

    [Fact]
    public void Fed_TheErrorThatTripsTheBreaker_AddsTheTripAndItsAlert_OnlyOnce()
    {
        var (once, none) = BreakerBooking.Fed(CircuitBreaker.Closed, BreakerFeed.Error, Now, Risk);
        var (tripped, trip) = BreakerBooking.Fed(once, BreakerFeed.Error, Now, Risk);
        var (still, again) = BreakerBooking.Fed(tripped, BreakerFeed.Error, Now.AddMinutes(1), Risk);

        Assert.Empty(none);
        Assert.Collection(trip,
            e => Assert.Equal(new BreakerTripped(tripped, Now), e),
            e => Assert.Equal(new AlertRaised(Alert.BreakerTripped(tripped, Now)), e));
        Assert.Equal((3, (DateTimeOffset?)Now), (still.ConsecutiveErrors, still.TrippedAt));
        Assert.Empty(again);
    }

    [Fact]
    public void Counted_ALosingStreakTrips_AWinEndsIt()
    {
        var (one, _) = BreakerBooking.Counted(CircuitBreaker.Closed, TradeOutcome.Loss, Now, Risk);
        var (won, _) = BreakerBooking.Counted(one, TradeOutcome.Win, Now, Risk);
        var (tripped, trip) = BreakerBooking.Counted(one, TradeOutcome.Loss, Now, Risk);

        Assert.Equal(0, won.ConsecutiveLosses);
        Assert.Equal(BreakerTripReason.ConsecutiveLosses, tripped.TripReason);
        Assert.IsType<BreakerTripped>(trip[0]);
    }

    [Fact]
    public void Fed_NothingFilledAndCancelled_LeavesTheBreakerAsItWas()
    {
        var (after, events) = BreakerBooking.Fed(CircuitBreaker.Closed with { ConsecutiveErrors = 1 }, BreakerFeed.None, Now, Risk);

        Assert.Equal(1, after.ConsecutiveErrors);
        Assert.Empty(events);
    }
}
