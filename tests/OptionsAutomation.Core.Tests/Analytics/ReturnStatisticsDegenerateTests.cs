using OptionsAutomation.Core.Analytics;

namespace OptionsAutomation.Core.Tests.Analytics;

/// <summary>Inputs without enough data give empyrical's NaN or infinity, never an exception.</summary>
public sealed class ReturnStatisticsDegenerateTests
{
    [Fact]
    public void Of_EmptySeries_EveryStatisticIsNaN()
    {
        var stats = ReturnStatistics.Of(EmpyricalSeries.Empty);

        Assert.Equal(0, stats.Periods);
        Assert.All(
            new[]
            {
                stats.TotalReturn, stats.AnnualReturn, stats.AnnualVolatility, stats.SharpeRatio, stats.SortinoRatio, stats.DownsideRisk,
                stats.CalmarRatio, stats.MaxDrawdown.Depth, stats.ValueAtRisk95, stats.ConditionalValueAtRisk95, stats.Skew, stats.Kurtosis,
                stats.TailRatio,
            },
            value => Assert.True(double.IsNaN(value)));
    }

    /// <summary>empyrical: annual volatility, Sharpe, Sortino and Calmar are NaN for one_return; downside risk 0, drawdown 0.</summary>
    [Fact]
    public void Of_OneReturn_RatiosNaNButTotalsDefined()
    {
        var stats = ReturnStatistics.Of(EmpyricalSeries.OneReturn);

        Assert.True(double.IsNaN(stats.AnnualVolatility));
        Assert.True(double.IsNaN(stats.SharpeRatio));
        Assert.True(double.IsNaN(stats.SortinoRatio));
        Assert.True(double.IsNaN(stats.CalmarRatio));
        Assert.True(double.IsNaN(stats.Skew));
        Assert.True(double.IsNaN(stats.Kurtosis));
        Assert.Equal(0.01, stats.TotalReturn, 1e-15);
        Assert.Equal(0.0, stats.DownsideRisk);
        Assert.Equal(0.0, stats.MaxDrawdown.Depth);
        Assert.Equal(0.01, stats.ValueAtRisk95, 1e-15);
        Assert.Equal(0.01, stats.ConditionalValueAtRisk95, 1e-15);
    }

    /// <summary>empyrical: Sharpe of flat_line_1 is +∞ (a non-zero mean over no spread); Calmar NaN without a drawdown.</summary>
    [Fact]
    public void Of_ConstantPositiveReturns_SharpeInfiniteCalmarNaN()
    {
        var stats = ReturnStatistics.Of(EmpyricalSeries.FlatLine1);

        Assert.Equal(double.PositiveInfinity, stats.SharpeRatio);
        Assert.Equal(double.PositiveInfinity, stats.SortinoRatio);
        Assert.True(double.IsNaN(stats.CalmarRatio));
        Assert.True(double.IsNaN(stats.Skew));
        Assert.True(double.IsNaN(stats.Kurtosis));
        Assert.Equal(0.0, stats.MaxDrawdown.Depth);
    }

    /// <summary>Every return 0: no mean, no spread, so 0 ÷ 0 = NaN for Sharpe and Sortino; tail ratio 0 ÷ 0 too.</summary>
    [Fact]
    public void Of_ZeroReturns_RatiosNaN()
    {
        var stats = ReturnStatistics.Of(EmpyricalSeries.Percent(0, 0, 0, 0));

        Assert.Equal(0.0, stats.TotalReturn);
        Assert.Equal(0.0, stats.AnnualVolatility);
        Assert.True(double.IsNaN(stats.SharpeRatio));
        Assert.True(double.IsNaN(stats.SortinoRatio));
        Assert.True(double.IsNaN(stats.TailRatio));
    }

    /// <summary>empyrical: Sortino of positive_returns and simple_benchmark is +∞: nothing falls below the target.</summary>
    [Fact]
    public void Of_NoReturnBelowTarget_SortinoInfinite()
    {
        Assert.Equal(double.PositiveInfinity, ReturnStatistics.Of(EmpyricalSeries.PositiveReturns).SortinoRatio);
        Assert.Equal(double.PositiveInfinity, ReturnStatistics.Of(EmpyricalSeries.SimpleBenchmark).SortinoRatio);
    }

    /// <summary>
    /// A missing period counts in n (annual return uses 9 periods for mixed_returns) but not in means, deviations or
    /// percentiles: the statistics equal those of the eight present returns except the annualised return.
    /// </summary>
    [Fact]
    public void Of_MissingPeriod_CountsInPeriodsButNotInMoments()
    {
        var withGap = ReturnStatistics.Of(EmpyricalSeries.MixedReturns);
        var present = ReturnStatistics.Of(EmpyricalSeries.Percent(1, 10, -4, 2, 3, 2, 1, -10));

        Assert.Equal(9, withGap.Periods);
        Assert.Equal(present.TotalReturn, withGap.TotalReturn, 1e-15);
        Assert.Equal(present.AnnualVolatility, withGap.AnnualVolatility, 1e-15);
        Assert.Equal(present.SharpeRatio, withGap.SharpeRatio, 1e-12);
        Assert.Equal(present.ValueAtRisk95, withGap.ValueAtRisk95, 1e-15);
        Assert.Equal(present.Skew, withGap.Skew, 1e-12);
        Assert.NotEqual(present.AnnualReturn, withGap.AnnualReturn, 1e-6);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-252)]
    public void Of_PeriodsPerYearNotPositive_Refuses(int periodsPerYear) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ReturnStatistics.Of(EmpyricalSeries.MixedReturns, periodsPerYear));

    [Fact]
    public void FromEquity_NonPositiveEquity_Refuses() =>
        Assert.Throws<ArgumentException>(() => ReturnSeries.FromEquity([(new DateOnly(2026, 1, 2), 100m), (new DateOnly(2026, 1, 5), 0m)]));

    [Fact]
    public void FromReturns_DatesNotIncreasing_Refuses() =>
        Assert.Throws<ArgumentException>(() => ReturnSeries.FromReturns([(new DateOnly(2026, 1, 5), 0.01), (new DateOnly(2026, 1, 5), 0.02)]));
}
