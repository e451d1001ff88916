using OptionsAutomation.Core.Risk;
using static OptionsAutomation.Core.Tests.Risk.RiskFixtures;

namespace OptionsAutomation.Core.Tests.Risk;

/// <summary>Checks 7 and 8 (circuit breaker, trading state) and the closing-order rule.</summary>
public sealed class RiskGateSwitchTests : RiskGateTestBase
{
    [Fact]
    public void CheckOpening_BreakerTripped_Denies()
    {
        var decision = Gate().CheckOpening(Csp(), Healthy() with { Breaker = TrippedBreaker() });

        AssertDenied(decision, RiskCheck.CircuitBreaker,
            "CIRCUIT_BREAKER_TRIPPED: reason=CONSECUTIVE_LOSSES, tripped_at=2026-02-23T14:00:00Z, reset_allowed_at=2026-02-23T14:30:00Z");
    }

    [Fact]
    public void CheckOpening_BreakerTrippedPastItsCooldown_StillDeniesUntilReset()
    {
        var breaker = TrippedBreaker() with { TrippedAt = Now.AddDays(-3) };

        var decision = Gate().CheckOpening(Csp(), Healthy() with { Breaker = breaker });

        Assert.Equal(RiskDenialCode.CircuitBreakerTripped, decision.Denial?.Code);
    }

    [Fact]
    public void CheckOpening_BreakerStoredWithoutReason_StillDenies()
    {
        var breaker = CircuitBreaker.Closed with { TrippedAt = Now.AddHours(-1) };

        var decision = Gate().CheckOpening(Csp(), Healthy() with { Breaker = breaker });

        AssertDenied(decision, RiskCheck.CircuitBreaker,
            "CIRCUIT_BREAKER_TRIPPED: reason=unknown, tripped_at=2026-02-23T14:00:00Z, reset_allowed_at=2026-02-23T14:30:00Z");
    }

    [Fact]
    public void CheckOpening_BreakerWithLossesBelowThreshold_Allows()
    {
        AssertAllowed(Gate().CheckOpening(Csp(), Healthy() with { Breaker = CircuitBreaker.Closed with { ConsecutiveLosses = 2, ConsecutiveErrors = 4 } }));
    }

    [Fact]
    public void CheckOpening_Reducing_BlocksOpening()
    {
        var decision = Gate().CheckOpening(Csp(), Healthy() with { TradingState = TradingState.Reducing });

        AssertDenied(decision, RiskCheck.TradingState, "TRADING_REDUCING: state=REDUCING");
    }

    [Fact]
    public void CheckOpening_Halted_BlocksOpening()
    {
        var decision = Gate().CheckOpening(Csp(), Healthy() with { TradingState = TradingState.Halted });

        AssertDenied(decision, RiskCheck.TradingState, "TRADING_HALTED: state=HALTED");
    }

    [Fact]
    public void CheckOpening_StateOutsideTheEnum_FailsClosedAsHalted()
    {
        var decision = Gate().CheckOpening(Csp(), Healthy() with { TradingState = (TradingState)42 });

        AssertDenied(decision, RiskCheck.TradingState, "TRADING_HALTED: state=unknown");
    }

    [Theory]
    [InlineData(TradingState.Active, "PASS closing order: opening checks do not apply (trading state ACTIVE)")]
    [InlineData(TradingState.Reducing, "PASS closing order: opening checks do not apply (trading state REDUCING)")]
    public void CheckClosing_ActiveOrReducing_Allows(TradingState state, string summary)
    {
        var decision = RiskGate.CheckClosing(state);

        Assert.True(decision.Allowed);
        Assert.Null(decision.Denial);
        Assert.Empty(decision.Passed);
        Assert.False(decision.StopsTradingForDay);
        Assert.Equal(summary, decision.Summary);
    }

    [Theory]
    [InlineData(TradingState.Halted, "TRADING_HALTED: state=HALTED")]
    [InlineData((TradingState)42, "TRADING_HALTED: state=unknown")]
    public void CheckClosing_Halted_DeniesEvenAClose(TradingState state, string denial)
    {
        var decision = RiskGate.CheckClosing(state);

        Assert.False(decision.Allowed);
        Assert.Equal(RiskCheck.TradingState, decision.Denial!.Check);
        Assert.Equal(denial, decision.Denial.ToString());
    }
}
