using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Tests.Support;

namespace OptionsAutomation.Core.Tests.Risk;

/// <summary>A gate on a manual clock standing at <see cref="RiskFixtures.Now"/>; tests move the clock by hand.</summary>
public abstract class RiskGateTestBase
{
    private protected FakeTimeProvider Clock { get; } = new(RiskFixtures.Now);

    private protected RiskGate Gate(RiskSettings? settings = null) => new(settings ?? new RiskSettings(), Clock);

    /// <summary>Asserts a denial by its rendered text and that exactly the checks before it passed.</summary>
    private protected static void AssertDenied(RiskDecision decision, RiskCheck check, string rendered)
    {
        Assert.False(decision.Allowed);
        var denial = Assert.IsType<RiskDenial>(decision.Denial);
        Assert.Equal(check, denial.Check);
        Assert.Equal(rendered, denial.ToString());
        Assert.Equal(RiskFixtures.AllChecks.TakeWhile(c => c != check), decision.Passed);
    }

    private protected static void AssertAllowed(RiskDecision decision)
    {
        Assert.Null(decision.Denial);
        Assert.True(decision.Allowed);
        Assert.Equal(RiskFixtures.AllChecks, decision.Passed);
    }
}
