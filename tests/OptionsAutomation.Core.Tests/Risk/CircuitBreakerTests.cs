using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Risk;
using static OptionsAutomation.Core.Tests.Risk.RiskFixtures;

namespace OptionsAutomation.Core.Tests.Risk;

public sealed class CircuitBreakerTests
{
    private static readonly RiskSettings Settings = new(); // 3 losses, 5 errors, 30 min cooldown

    private static CircuitBreaker Losses(int count, DateTimeOffset? at = null)
    {
        var breaker = CircuitBreaker.Closed;
        for (var i = 0; i < count; i++)
        {
            breaker = breaker.RecordClose(TradeOutcome.Loss, (at ?? Now).AddMinutes(i), Settings);
        }

        return breaker;
    }

    [Fact]
    public void RecordClose_TwoLosses_DoesNotTrip()
    {
        var breaker = Losses(2);

        Assert.False(breaker.IsTripped);
        Assert.Equal(2, breaker.ConsecutiveLosses);
        Assert.Null(breaker.ResetAllowedAt(Settings));
    }

    [Fact]
    public void RecordClose_ThirdLossInARow_TripsAtItsTime()
    {
        var breaker = Losses(3);

        Assert.True(breaker.IsTripped);
        Assert.Equal(Now.AddMinutes(2), breaker.TrippedAt);
        Assert.Equal(BreakerTripReason.ConsecutiveLosses, breaker.TripReason);
        Assert.Equal(Now.AddMinutes(32), breaker.ResetAllowedAt(Settings));
    }

    [Fact]
    public void RecordClose_WinEndsTheLosingStreak()
    {
        var breaker = Losses(2).RecordClose(TradeOutcome.Win, Now, Settings).RecordClose(TradeOutcome.Loss, Now, Settings);

        Assert.False(breaker.IsTripped);
        Assert.Equal(1, breaker.ConsecutiveLosses);
    }

    [Fact]
    public void RecordClose_WinAfterTheTrip_DoesNotCloseIt()
    {
        var breaker = Losses(3).RecordClose(TradeOutcome.Win, Now.AddHours(1), Settings);

        Assert.True(breaker.IsTripped);
        Assert.Equal(0, breaker.ConsecutiveLosses);
    }

    [Fact]
    public void RecordClose_MoreLossesWhileTripped_KeepTheFirstTripTime()
    {
        var breaker = Losses(3).RecordClose(TradeOutcome.Loss, Now.AddHours(1), Settings);

        Assert.Equal(Now.AddMinutes(2), breaker.TrippedAt);
        Assert.Equal(4, breaker.ConsecutiveLosses);
    }

    [Fact]
    public void RecordExecutionError_FifthInARow_Trips()
    {
        var breaker = CircuitBreaker.Closed;
        for (var i = 0; i < 4; i++)
        {
            breaker = breaker.RecordExecutionError(Now, Settings);
        }

        Assert.False(breaker.IsTripped);

        breaker = breaker.RecordExecutionError(Now.AddMinutes(5), Settings);

        Assert.True(breaker.IsTripped);
        Assert.Equal(5, breaker.ConsecutiveErrors);
        Assert.Equal(Now.AddMinutes(5), breaker.TrippedAt);
        Assert.Equal(BreakerTripReason.ConsecutiveErrors, breaker.TripReason);
    }

    [Fact]
    public void RecordExecutionSuccess_EndsTheErrorStreakOnly()
    {
        var breaker = Losses(2)
            .RecordExecutionError(Now, Settings)
            .RecordExecutionError(Now, Settings)
            .RecordExecutionSuccess();

        Assert.Equal(0, breaker.ConsecutiveErrors);
        Assert.Equal(2, breaker.ConsecutiveLosses);
        Assert.False(breaker.IsTripped);
    }

    [Fact]
    public void Reset_DuringCooldown_IsRefusedWithItsEnd()
    {
        var tripped = Losses(3); // tripped at 15:02, reset allowed from 15:32

        Assert.False(tripped.CanReset(Now.AddMinutes(31), Settings));
        var e = Assert.Throws<BreakerResetRefusedException>(() => tripped.Reset("ops", Now.AddMinutes(31), Settings));

        Assert.Equal(
            "the circuit breaker tripped at 2026-02-23T15:02:00Z is cooling down until 2026-02-23T15:32:00Z; it cannot be reset before then.",
            e.Message);
    }

    [Fact]
    public void Reset_AfterCooldown_ClosesItAndRecordsWho()
    {
        var tripped = Losses(3);
        var at = Now.AddMinutes(32);

        var reset = tripped.Reset("telegram:42", at, Settings);

        Assert.Equal(CircuitBreaker.Closed with { ResetBy = "telegram:42", ResetAt = at }, reset);
        Assert.False(reset.IsTripped);
    }

    [Fact]
    public void IsTripped_StaysTrueLongAfterTheCooldown_UntilReset()
    {
        var tripped = Losses(3);

        Assert.True(tripped.CanReset(Now.AddDays(7), Settings));
        Assert.True(tripped.IsTripped);
    }

    [Fact]
    public void Reset_WithZeroCooldown_IsAllowedAtOnce()
    {
        var settings = new RiskSettings { CircuitBreakerCooldownMinutes = 0 };
        var tripped = CircuitBreaker.Closed.RecordExecutionError(Now, settings with { MaxConsecutiveErrors = 1 });

        Assert.False(tripped.Reset("ops", Now, settings).IsTripped);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Reset_WithoutAName_Throws(string by)
    {
        Assert.Throws<ArgumentException>(() => Losses(3).Reset(by, Now.AddDays(1), Settings));
    }

    [Fact]
    public void Reset_WhenNotTripped_ClearsTheStreaks()
    {
        var reset = Losses(2).Reset("ops", Now, Settings);

        Assert.Equal(0, reset.ConsecutiveLosses);
        Assert.True(Losses(2).CanReset(Now, Settings));
    }

    [Fact]
    public void TrippedBreaker_DeniesAtTheGate_AndTheResetOneAllows()
    {
        var clock = new FakeTimeProvider(Now.AddMinutes(40));
        var gate = new RiskGate(Settings, clock);
        var snapshot = Healthy() with { Quote = new OrderQuote(5.00m, clock.GetUtcNow(), true) };
        var tripped = Losses(3);

        Assert.Equal(RiskDenialCode.CircuitBreakerTripped, gate.CheckOpening(Csp(requestId: "a"), snapshot with { Breaker = tripped }).Denial?.Code);
        Assert.True(gate.CheckOpening(Csp(requestId: "b"), snapshot with { Breaker = tripped.Reset("ops", clock.GetUtcNow(), Settings) }).Allowed);
    }
}
