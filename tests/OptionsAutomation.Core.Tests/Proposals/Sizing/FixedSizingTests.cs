using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Proposals.Sizing;
using static OptionsAutomation.Core.Tests.Proposals.Sizing.SizingCases;

namespace OptionsAutomation.Core.Tests.Proposals.Sizing;

public sealed class FixedSizingTests
{
    [Fact]
    public void Fixed_ShowsEachStep_AndTheTradeBudgetBinds()
    {
        var result = FixedSizing.Size(Request(), new SizingSettings(), Rules);

        // trade_budget 2% × 100,000 = 2,000; room 80% × 100,000 − 0 = 80,000; budget 2,000; 2,000 / 380 = 5.26 → 5;
        // 5 × 380 / 100,000 = 0.019 of equity.
        Assert.Equal(5, result.Contracts);
        Assert.Equal("trade_budget", result.BindingLimit);
        Assert.Equal(0.019m, result.FractionOfEquity);
        Assert.Equal(
            [("trade_budget", 2_000m), ("room", 80_000m), ("budget", 2_000m), ("contracts", 5m)],
            result.Steps.Select(s => (s.Name, s.Value)));
        Assert.Null(result.Fallback);
        Assert.Equal("fixed: 5 contract(s), bound by trade_budget", result.Summary());
    }

    [Fact]
    public void Fixed_RoomBinds_WhenLittleIsLeftUnderTheCommittedShare()
    {
        // room 80,000 − 79,000 = 1,000 < trade_budget 2,000: 1,000 / 380 → 2.
        var result = FixedSizing.Size(Request(committed: 79_000m), new SizingSettings(), Rules);

        Assert.Equal((2, "room"), (result.Contracts, result.BindingLimit));
    }
}
