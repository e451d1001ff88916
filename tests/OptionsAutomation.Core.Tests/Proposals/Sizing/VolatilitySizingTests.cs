using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Proposals.Sizing;
using static OptionsAutomation.Core.Tests.Proposals.Sizing.SizingCases;

namespace OptionsAutomation.Core.Tests.Proposals.Sizing;

public sealed class VolatilitySizingTests
{
    // A window of 2 returns ranked over 3 days needs 5 closes; the 6th from the end is ignored.
    private static readonly IReadOnlyList<decimal> Closes = [500m, 101m, 100m, 104m, 100m, 102m];

    [Fact]
    public void Regime_RanksTodaysRealisedVolatilityInItsRange()
    {
        // Log returns: ln(100/101) = −0.009950, ln(104/100) = 0.039221, ln(100/104) = −0.039221, ln(102/100) = 0.019803.
        // The sample s.d. of two returns is |a − b|/√2; annualised × √252:
        //   |−0.009950 − 0.039221| · 11.224972 = 0.551944; |0.039221 + 0.039221| · 11.224972 = 0.880503;
        //   |−0.039221 − 0.019803| · 11.224972 = 0.662535 (today).
        // Rank = (0.662535 − 0.551944)/(0.880503 − 0.551944) = 0.336596.
        var regime = VolatilityRegime.FromCloses(Closes, window: 2, lookback: 3);

        Assert.Equal(new VolatilityRegime(0.662535m, 0.551944m, 0.880503m, 0.336596m), regime);
    }

    [Fact]
    public void Volatility_ScalesTheFixedBudgetDownAsTheRankRises()
    {
        var regime = VolatilityRegime.FromCloses(Closes, window: 2, lookback: 3);

        var result = VolatilitySizing.Size(Request(), regime, new SizingSettings(), Rules);

        // scale = 1 − 0.336596 × (1 − 0.5) = 0.831702; 2,000 × 0.831702 = 1,663.404; / 380 → 4 (fixed gives 5).
        Assert.Equal(0.831702m, result.Value("scale"));
        Assert.Equal(1_663.404m, result.Value("scaled_budget"));
        Assert.Equal((4, "scaled_budget"), (result.Contracts, result.BindingLimit));
    }

    [Fact]
    public void Volatility_WithoutEnoughCloses_FallsBackToFixed()
    {
        var result = VolatilitySizing.Size(Request(), VolatilityRegime.FromCloses(Closes.Take(4).ToList(), 2, 3), new SizingSettings(), Rules);

        Assert.Equal(5, result.Contracts);
        Assert.Equal(new SizingFallback("volatility", "fewer than 272 daily closes of SPY to rank its volatility"), result.Fallback);
    }
}
