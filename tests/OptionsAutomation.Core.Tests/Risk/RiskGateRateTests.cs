using OptionsAutomation.Core.Risk;
using static OptionsAutomation.Core.Tests.Risk.RiskFixtures;

namespace OptionsAutomation.Core.Tests.Risk;

/// <summary>Check 6: opening orders per underlying in a sliding 60-second window, denied rather than queued.</summary>
public sealed class RiskGateRateTests : RiskGateTestBase
{
    private static readonly RiskSettings TwoPerMinute = new() { MaxOrdersPerMinute = 2 };

    [Fact]
    public void CheckOpening_OverMaxOrdersPerMinute_Denies()
    {
        var gate = Gate(TwoPerMinute);
        AssertAllowed(gate.CheckOpening(Csp(requestId: "a"), Healthy()));
        AssertAllowed(gate.CheckOpening(Csp(requestId: "b"), Healthy()));

        var decision = gate.CheckOpening(Csp(requestId: "c"), Healthy());

        AssertDenied(decision, RiskCheck.OrderRate, "ORDER_RATE_EXCEEDED: underlying=SPY, orders=2, max=2, window_seconds=60");
    }

    [Fact]
    public void CheckOpening_LimitIsPerUnderlying_SpyLimitedDoesNotLimitQqq()
    {
        var gate = Gate(TwoPerMinute);
        gate.CheckOpening(Csp(requestId: "a"), Healthy());
        gate.CheckOpening(Csp(requestId: "b"), Healthy());

        Assert.False(gate.CheckOpening(Csp(requestId: "c"), Healthy()).Allowed);
        AssertAllowed(gate.CheckOpening(Csp(underlying: "QQQ", requestId: "q"), Healthy()));
    }

    [Fact]
    public void CheckOpening_WindowSlidesWithTheClock()
    {
        var gate = Gate(TwoPerMinute);
        gate.CheckOpening(Csp(requestId: "a"), Healthy());
        Clock.SetUtcNow(Now.AddSeconds(30));
        gate.CheckOpening(Csp(requestId: "b"), Healthy());

        // 59.999 s after the first order both still count.
        Clock.SetUtcNow(Now.AddSeconds(60).AddTicks(-1));
        Assert.Equal(RiskDenialCode.OrderRateExceeded, gate.CheckOpening(Csp(requestId: "c"), Healthy()).Denial?.Code);

        // At 60 s the first drops out, the one at 30 s still counts: one permit, then none.
        Clock.SetUtcNow(Now.AddSeconds(60));
        AssertAllowed(gate.CheckOpening(Csp(requestId: "c"), Healthy()));
        AssertDenied(gate.CheckOpening(Csp(requestId: "d"), Healthy()), RiskCheck.OrderRate,
            "ORDER_RATE_EXCEEDED: underlying=SPY, orders=2, max=2, window_seconds=60");
    }

    [Fact]
    public void CheckOpening_SameRequestCheckedAgain_CountsOnce()
    {
        var gate = Gate(TwoPerMinute);
        AssertAllowed(gate.CheckOpening(Csp(requestId: "a"), Healthy()));

        // The approval re-checks the proposal; it must neither be refused by nor use up the second permit.
        AssertAllowed(gate.CheckOpening(Csp(requestId: "a"), Healthy()));
        AssertAllowed(gate.CheckOpening(Csp(requestId: "b"), Healthy()));
        AssertAllowed(gate.CheckOpening(Csp(requestId: "a"), Healthy()));
        Assert.Equal(RiskDenialCode.OrderRateExceeded, gate.CheckOpening(Csp(requestId: "c"), Healthy()).Denial?.Code);
    }

    [Fact]
    public void CheckOpening_DeniedOrders_UseNoPermit()
    {
        var gate = Gate(TwoPerMinute);
        var halted = Healthy() with { TradingState = TradingState.Halted };
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(RiskDenialCode.TradingHalted, gate.CheckOpening(Csp(requestId: $"h{i}"), halted).Denial?.Code);
        }

        AssertAllowed(gate.CheckOpening(Csp(requestId: "a"), Healthy()));
        AssertAllowed(gate.CheckOpening(Csp(requestId: "b"), Healthy()));
    }
}
