using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Risk.Portfolio;
using static OptionsAutomation.Core.Tests.Risk.RiskFixtures;

namespace OptionsAutomation.Core.Tests.Risk;

/// <summary>
/// Check 5: no new position whose underlying correlates above Risk:CorrelationThreshold (0.9) with
/// Risk:MaxCorrelatedUnderlyings (2) held ones, judged from the correlations in the snapshot.
/// </summary>
public sealed class RiskGateCorrelationTests : RiskGateTestBase
{
    private static readonly double[] Market = [0.01, -0.02, 0.015, -0.005, 0.01];
    private static readonly double[] NearMarket = [0.011, -0.019, 0.014, -0.006, 0.012];
    private static readonly double[] Against = [-0.01, 0.02, -0.015, 0.005, -0.01];

    [Fact]
    public void ANewUnderlying_CorrelatedWithTwoHeld_IsDeniedWithThePeersAndTheirCorrelations()
    {
        var model = Correlated(new Dictionary<string, double[]> { ["IWM"] = Market, ["QQQ"] = NearMarket, ["SPY"] = Market });

        var decision = Gate().CheckOpening(Csp("IWM"), Healthy() with { HeldUnderlyings = ["QQQ", "SPY"], Correlations = model });

        AssertDenied(decision, RiskCheck.Correlation, "CORRELATION_LIMIT: underlying=IWM, correlated_with=QQQ 0.996/SPY 1, threshold=0.9, max=2");
        Assert.Equal(RiskDenialCode.CorrelationLimit, decision.Denial!.Code);
        Assert.StartsWith("DENY CORRELATION_LIMIT: underlying=IWM", decision.Summary, StringComparison.Ordinal);
        Assert.EndsWith("(passed 4/9: ORDER_NOTIONAL, MAX_POSITIONS, DAILY_LOSS, EXPOSURE)", decision.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyOneCorrelatedHeldUnderlying_Passes()
    {
        var model = Correlated(new Dictionary<string, double[]> { ["IWM"] = Market, ["QQQ"] = Against, ["SPY"] = Market });

        AssertAllowed(Gate().CheckOpening(Csp("IWM"), Healthy() with { HeldUnderlyings = ["QQQ", "SPY"], Correlations = model }));
    }

    [Fact]
    public void WithMaxCorrelatedUnderlyingsOne_ASingleCorrelatedHeldUnderlying_IsDenied()
    {
        var gate = new RiskGate(new RiskSettings(), Clock, new PortfolioRiskSettings { MaxCorrelatedUnderlyings = 1, CorrelationThreshold = 0.99 });

        var decision = gate.CheckOpening(Csp("IWM"), Healthy() with { HeldUnderlyings = ["SPY"], Correlations = Lockstep("IWM", "SPY") });

        AssertDenied(decision, RiskCheck.Correlation, "CORRELATION_LIMIT: underlying=IWM, correlated_with=SPY 1, threshold=0.99, max=1");
    }

    [Fact]
    public void AnUnderlyingTheCorrelationsDoNotCover_Passes()
    {
        var decision = Gate().CheckOpening(Csp("IWM"), Healthy() with { HeldUnderlyings = ["QQQ", "SPY"], Correlations = Lockstep("QQQ", "SPY") });

        AssertAllowed(decision);
    }

    [Fact]
    public void WithoutCorrelations_Passes()
    {
        AssertAllowed(Gate().CheckOpening(Csp("IWM"), Healthy() with { HeldUnderlyings = ["QQQ", "SPY"], Correlations = null }));
    }
}
