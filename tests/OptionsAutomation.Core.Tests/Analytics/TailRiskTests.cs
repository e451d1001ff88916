using OptionsAutomation.Core.Analytics;

namespace OptionsAutomation.Core.Tests.Analytics;

/// <summary>VaR, CVaR, skew and kurtosis against the values published by empyrical's and scipy's own tests and docs.</summary>
public sealed class TailRiskTests
{
    /// <summary>empyrical test_value_at_risk: numpy's linear percentile of [1, 2] and [1, 81, 82, 83, 84, 85].</summary>
    [Theory]
    [InlineData(new[] { 1.0, 2.0 }, 0.0, 1.0)]
    [InlineData(new[] { 1.0, 2.0 }, 0.3, 1.3)]
    [InlineData(new[] { 1.0, 2.0 }, 1.0, 2.0)]
    [InlineData(new[] { 1.0, 81, 82, 83, 84, 85 }, 0.1, 41)]
    [InlineData(new[] { 1.0, 81, 82, 83, 84, 85 }, 0.2, 81)]
    [InlineData(new[] { 1.0, 81, 82, 83, 84, 85 }, 0.3, 81.5)]
    public void ValueAtRisk_EmpyricalCases_MatchPublishedValues(double[] returns, double cutoff, double expected) =>
        Assert.Equal(expected, TailRisk.ValueAtRisk(returns, cutoff), 1e-7);

    /// <summary>
    /// empyrical test_conditional_value_at_risk: for 21 normal returns (σ = 0.02) at cut-offs 0, 0.0499, 0.05, 0.20,
    /// 0.999 and 1, CVaR equals the mean of the returns at or below the VaR; and a single return is its own CVaR.
    /// The draws are seeded here (empyrical's are numpy's).
    /// </summary>
    [Fact]
    public void ConditionalValueAtRisk_TwentyOneNormalReturns_MeanOfReturnsAtOrBelowVaR()
    {
        var random = new Random(1337);
        var returns = Enumerable.Range(0, 21).Select(_ => 0.02 * StandardNormal(random)).Order().ToArray();

        foreach (var cutoff in new[] { 0, 0.0499, 0.05, 0.20, 0.999, 1 })
        {
            var var = TailRisk.ValueAtRisk(returns, cutoff);
            Assert.Equal(returns.Where(r => r <= var).Average(), TailRisk.ConditionalValueAtRisk(returns, cutoff), 1e-7);
        }

        Assert.Equal(-0.013, TailRisk.ConditionalValueAtRisk([-0.013], 0), 1e-15);
        Assert.Equal(-0.013, TailRisk.ConditionalValueAtRisk([-0.013], 1), 1e-15);
    }

    /// <summary>
    /// mixed_returns by hand: of its eight present returns the 5% cut-off index is ⌊7 × 0.05⌋ = 0, so CVaR is the worst,
    /// −0.10; VaR = −0.10 + 0.35 × (−0.04 + 0.10) = −0.079.
    /// </summary>
    [Fact]
    public void Of_MixedReturns_VaRAndCVaRByHand()
    {
        var stats = ReturnStatistics.Of(EmpyricalSeries.MixedReturns);

        Assert.Equal(-0.079, stats.ValueAtRisk95, 1e-15);
        Assert.Equal(-0.10, stats.ConditionalValueAtRisk95, 1e-15);
    }

    /// <summary>
    /// scipy.stats.skew's documented examples: skew([1, 2, 3, 4, 5]) = 0.0 and skew([2, 8, 0, 4, 1, 9, 9, 0]) =
    /// 0.2650554122698573. Kurtosis (Fisher, biased) by hand: m2 = 13.859375, m4 = 256.237548828125 for the second sample,
    /// so 256.237548828125 ÷ 13.859375² − 3 = −1.66600107528385; for 1..5, m2 = 2, m4 = 6.8, so 6.8 ÷ 4 − 3 = −1.3.
    /// </summary>
    [Fact]
    public void SkewAndKurtosis_ScipyExamples_Match()
    {
        var symmetric = ReturnStatistics.Of(EmpyricalSeries.Fractions(1, 2, 3, 4, 5));
        var skewed = ReturnStatistics.Of(EmpyricalSeries.Fractions(2, 8, 0, 4, 1, 9, 9, 0));

        Assert.Equal(0.0, symmetric.Skew, 1e-15);
        Assert.Equal(-1.3, symmetric.Kurtosis, 1e-12);
        Assert.Equal(0.2650554122698573, skewed.Skew, 1e-15);
        Assert.Equal(-1.6660010752838508, skewed.Kurtosis, 1e-12);
    }

    /// <summary>Box–Muller: the test needs a spread of distinct returns, not numpy's exact draws.</summary>
    private static double StandardNormal(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
}
