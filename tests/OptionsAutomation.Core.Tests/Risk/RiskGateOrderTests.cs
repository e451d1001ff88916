using OptionsAutomation.Core.Risk;
using static OptionsAutomation.Core.Tests.Risk.RiskFixtures;

namespace OptionsAutomation.Core.Tests.Risk;

/// <summary>The order of the checks, the first-denial-wins rule, the summary line and the gate's own preconditions.</summary>
public sealed class RiskGateOrderTests : RiskGateTestBase
{
    private static readonly RiskSettings OnePerMinute = new() { MaxOrdersPerMinute = 1 };

    [Theory]
    [InlineData(RiskCheck.OrderNotional, "ORDER_NOTIONAL_EXCEEDED: notional=100100.00, max=100000.00")]
    [InlineData(RiskCheck.MaxPositions, "MAX_POSITIONS_REACHED: open=5, max=5")]
    [InlineData(RiskCheck.DailyLoss, "DAILY_LOSS_LIMIT_REACHED: loss=2000.00, max=2000.00")]
    [InlineData(RiskCheck.Exposure, "EXPOSURE_EXCEEDED: exposure_after=440000.00, max=400000.00")]
    [InlineData(RiskCheck.Correlation, "CORRELATION_LIMIT: underlying=SPY, correlated_with=IWM 1/QQQ 1, threshold=0.9, max=2")]
    [InlineData(RiskCheck.PriceSanity, "NO_QUOTE: underlying=SPY")]
    [InlineData(RiskCheck.OrderRate, "ORDER_RATE_EXCEEDED: underlying=SPY, orders=1, max=1, window_seconds=60")]
    [InlineData(RiskCheck.CircuitBreaker, "CIRCUIT_BREAKER_TRIPPED: reason=CONSECUTIVE_LOSSES, tripped_at=2026-02-23T14:00:00Z, reset_allowed_at=2026-02-23T14:30:00Z")]
    [InlineData(RiskCheck.TradingState, "TRADING_HALTED: state=HALTED")]
    public void CheckOpening_OrderViolatingThisCheckAndEveryLaterOne_GetsThisCheck(RiskCheck first, string rendered)
    {
        var gate = Gate(OnePerMinute);
        if (first <= RiskCheck.OrderRate)
        {
            AssertAllowed(gate.CheckOpening(Csp(requestId: "earlier"), Healthy()));
        }

        var order = first == RiskCheck.OrderNotional ? Csp(strike: 1001m) : Csp();
        var snapshot = Healthy();
        snapshot = first <= RiskCheck.MaxPositions ? snapshot with { OpenPositions = 5 } : snapshot;
        snapshot = first <= RiskCheck.DailyLoss ? snapshot with { RealizedPnlToday = -2_000m } : snapshot;
        snapshot = first <= RiskCheck.Exposure ? snapshot with { OpenExposure = 390_000m } : snapshot;
        snapshot = first <= RiskCheck.Correlation ? snapshot with { HeldUnderlyings = ["IWM", "QQQ"], Correlations = Lockstep("IWM", "QQQ", "SPY") } : snapshot;
        snapshot = first <= RiskCheck.PriceSanity ? snapshot with { Quote = null } : snapshot;
        snapshot = first <= RiskCheck.CircuitBreaker ? snapshot with { Breaker = TrippedBreaker() } : snapshot;
        snapshot = snapshot with { TradingState = TradingState.Halted };

        AssertDenied(gate.CheckOpening(order, snapshot), first, rendered);
    }

    [Fact]
    public void CheckOpening_NoEquityAndEverythingElseWrong_ReportsNoEquityFirst()
    {
        var snapshot = new RiskSnapshot
        {
            Equity = null,
            OpenPositions = 5,
            OpenExposure = 1_000_000m,
            RealizedPnlToday = -10_000m,
            Quote = null,
            Breaker = TrippedBreaker(),
            TradingState = TradingState.Halted,
        };

        var decision = Gate().CheckOpening(Csp(strike: 1001m), snapshot);

        AssertDenied(decision, RiskCheck.OrderNotional, "NO_EQUITY: equity=none");
        Assert.Equal("DENY NO_EQUITY: equity=none (passed 0/9)", decision.Summary);
    }

    [Fact]
    public void Summary_WhenAllowed_ListsEveryCheck()
    {
        var decision = Gate().CheckOpening(Csp(), Healthy());

        Assert.Equal(
            "PASS 9/9: ORDER_NOTIONAL, MAX_POSITIONS, DAILY_LOSS, EXPOSURE, CORRELATION, PRICE_SANITY, ORDER_RATE, CIRCUIT_BREAKER, TRADING_STATE",
            decision.Summary);
    }

    [Fact]
    public void Summary_WhenDenied_GivesTheDenialAndTheChecksBeforeIt()
    {
        var decision = Gate().CheckOpening(Csp(), Healthy() with { RealizedPnlToday = -2_500m });

        Assert.Equal(
            "DENY DAILY_LOSS_LIMIT_REACHED: loss=2500.00, max=2000.00 (passed 2/9: ORDER_NOTIONAL, MAX_POSITIONS)",
            decision.Summary);
    }

    [Fact]
    public void Denial_ContextKeepsItsOrder()
    {
        var denial = Gate().CheckOpening(Csp(), Healthy() with { OpenPositions = 7 }).Denial!;

        Assert.Equal(RiskDenialCode.MaxPositionsReached, denial.Code);
        Assert.Equal([KeyValuePair.Create("open", "7"), KeyValuePair.Create("max", "5")], denial.Context);
    }

    [Fact]
    public void Constructor_InvalidSettings_RefusesToBuildTheGate()
    {
        var e = Assert.Throws<ArgumentException>(() => new RiskGate(new RiskSettings { MaxPositions = 0 }, Clock));

        Assert.StartsWith("Risk:MaxPositions must be above 0, was 0.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decisions_CompareByValue()
    {
        var snapshot = Healthy() with { OpenPositions = 5 };

        Assert.Equal(Gate().CheckOpening(Csp(), snapshot), Gate().CheckOpening(Csp(), snapshot));
    }
}
