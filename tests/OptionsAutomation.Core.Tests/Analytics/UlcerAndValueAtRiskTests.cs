using OptionsAutomation.Core.Analytics;

namespace OptionsAutomation.Core.Tests.Analytics;

/// <summary>The ulcer index and the value at risk at any confidence, computed by hand.</summary>
public sealed class UlcerAndValueAtRiskTests
{
    /// <summary>
    /// +10%, −10%, +10%: wealth 1.1, 0.99, 1.089 under a peak of 1.1, so drawdowns 0, −0.1, −0.01; the index is
    /// √((0.01 + 0.0001) ÷ 3) = 0.05802298395176405. With 3 periods a year the annual return is the total, 8.9%, and
    /// the performance index 0.089 ÷ 0.05802298395176405 = 1.5338749222892072.
    /// </summary>
    [Fact]
    public void Ulcer_UpDownUp_ByHand()
    {
        var stats = ReturnStatistics.Of(EmpyricalSeries.UpDownUp, periodsPerYear: 3);

        Assert.Equal(0.05802298395176405, stats.Ulcer.Index, 1e-15);
        Assert.Equal(1.5338749222892072, stats.Ulcer.PerformanceIndex, 1e-12);
    }

    /// <summary>The start is the first peak: a first loss of 5% is a drawdown of 5% (√(0.05² ÷ 1)).</summary>
    [Fact]
    public void Ulcer_FirstLoss_CountsFromTheStart() =>
        Assert.Equal(0.05, UlcerIndex.Of([-0.05], -0.05, 252).Index, 1e-15);

    [Fact]
    public void Ulcer_NeverFell_ZeroIndexAndNoPerformanceIndex()
    {
        var ulcer = ReturnStatistics.Of(EmpyricalSeries.PositiveReturns).Ulcer;

        Assert.Equal(0.0, ulcer.Index);
        Assert.True(double.IsNaN(ulcer.PerformanceIndex));
    }

    /// <summary>
    /// Returns 1, 2, 3, 4, 5 (mean 3, sample σ = √2.5). At 95%: z = 1.6448536269514722, parametric VaR = 3 − σz =
    /// 0.39925806062221314, shortfall 3 − σφ(z) ÷ 0.05 = −0.26143531526196906. At 99% (z = 2.3263478740408408):
    /// −0.6782789559297768 and −1.2140736942813168; historical: the 1st percentile 1 + 0.04 × 1 = 1.04 and the mean of the
    /// ⌊4 × 0.01⌋ + 1 = 1 lowest, 1.
    /// </summary>
    [Fact]
    public void ValueAtRisk_OneToFive_ByHand()
    {
        var returns = new[] { 1.0, 2, 3, 4, 5 };

        var at95 = ValueAtRiskAt.Of(returns);
        var at99 = ValueAtRiskAt.Of(returns, 0.99);

        Assert.Equal(0.39925806062221314, at95.Parametric, 1e-9);
        Assert.Equal(-0.26143531526196906, at95.ParametricShortfall, 1e-9);
        Assert.Equal(-0.6782789559297768, at99.Parametric, 1e-9);
        Assert.Equal(-1.2140736942813168, at99.ParametricShortfall, 1e-9);
        Assert.Equal(1.04, at99.Historical, 1e-12);
        Assert.Equal(1.0, at99.HistoricalShortfall, 1e-15);
    }

    [Fact]
    public void ValueAtRisk_At95_MatchesTheFixed95Figures()
    {
        var stats = ReturnStatistics.Of(EmpyricalSeries.MixedReturns);

        Assert.Equal(stats.ValueAtRisk95, stats.ValueAtRisk.Historical, 1e-15);
        Assert.Equal(stats.ConditionalValueAtRisk95, stats.ValueAtRisk.HistoricalShortfall, 1e-15);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(99.0)]
    [InlineData(double.NaN)]
    public void ValueAtRisk_ConfidenceOutsideZeroToOne_Refused(double confidence) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ValueAtRiskAt.Of([0.01, -0.02], confidence));
}
