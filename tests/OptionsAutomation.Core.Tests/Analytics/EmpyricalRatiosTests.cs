using OptionsAutomation.Core.Analytics;

namespace OptionsAutomation.Core.Tests.Analytics;

/// <summary>
/// Omega, alpha and beta, stability and the rolling Sharpe and drawdown against the values published in empyrical's own
/// test suite (test_omega, test_alpha_beta, test_stability_of_timeseries, test_roll_sharpe_ratio,
/// test_roll_max_drawdown), to its 8 decimal places (4 for the rolling drawdown, as published).
/// </summary>
public sealed class EmpyricalRatiosTests
{
    private const double EightPlaces = 1.5e-8;

    public static TheoryData<string, double, double, double> Omegas => new()
    {
        { "empty", 0.0, 0.0, double.NaN },
        { "one", 0.0, 0.0, double.NaN },
        { "mixed", 0.0, 10.0, 0.83354263497557934 },
        { "mixed", 0.0, -10.0, double.NaN },
        { "positive", 0.01, 0.0, double.NaN },
        { "positive", 0.011, 0.0, 1.125 },
        { "positive", 0.02, 0.0, 0.0 },
        { "negative", 0.01, 0.0, 0.0 },
    };

    [Theory]
    [MemberData(nameof(Omegas))]
    public void OmegaRatio_EmpyricalCases(string series, double riskFree, double requiredReturn, double expected)
    {
        var returns = Series(series).Returns;

        AssertClose(expected, OmegaRatio.Of(returns, 252, riskFree, requiredReturn));
        AssertClose(expected, ReturnStatistics.Of(Series(series), 252, riskFree, requiredReturn).OmegaRatio);
    }

    [Fact]
    public void AlphaBeta_MixedAgainstNegativeWithoutItsFirstDay_EmpyricalValues()
    {
        var negative = EmpyricalSeries.NegativeReturns;

        var result = AlphaBeta.Of(EmpyricalSeries.MixedReturns, negative.Slice(1, negative.Count - 1), 252);

        Assert.Equal(-0.9997853834885004, result.Alpha, EightPlaces);
        Assert.Equal(-0.71296296296296313, result.Beta, EightPlaces);
        Assert.Equal(8, result.Periods);
    }

    [Theory]
    [InlineData(1.0, 1.0)]
    [InlineData(-1.0, -1.0)]
    public void AlphaBeta_MixedAgainstItself_ZeroAlphaAndUnitBeta(double sign, double expectedBeta)
    {
        var mixed = EmpyricalSeries.MixedReturns;
        var benchmark = EmpyricalSeries.Percent([.. mixed.Returns.Select(r => sign * r * 100)]);

        var result = AlphaBeta.Of(mixed, benchmark, 252);

        Assert.Equal(0.0, result.Alpha, EightPlaces);
        Assert.Equal(expectedBeta, result.Beta, EightPlaces);
    }

    [Fact]
    public void AlphaBeta_DegenerateCases_NaNAsEmpyrical()
    {
        var empty = AlphaBeta.Of(EmpyricalSeries.Empty, EmpyricalSeries.SimpleBenchmark, 252);
        var one = AlphaBeta.Of(EmpyricalSeries.OneReturn, EmpyricalSeries.OneReturn, 252);
        var flatBenchmark = AlphaBeta.Of(EmpyricalSeries.MixedReturns, EmpyricalSeries.FlatLine1, 252);

        Assert.True(double.IsNaN(empty.Alpha) && double.IsNaN(empty.Beta), $"{empty}");
        Assert.True(double.IsNaN(one.Alpha) && double.IsNaN(one.Beta), $"{one}");
        Assert.True(double.IsNaN(flatBenchmark.Alpha) && double.IsNaN(flatBenchmark.Beta), $"{flatBenchmark}");
    }

    [Theory]
    [InlineData("empty", double.NaN)]
    [InlineData("one", double.NaN)]
    [InlineData("mixed", 0.1529973665111273)]
    [InlineData("flat_long", 1.0)]
    public void Stability_EmpyricalCases(string series, double expected) =>
        AssertClose(expected, Stability.Of(Series(series).Returns));

    [Fact]
    public void RollingSharpe_SixPeriodWindows_EmpyricalValues()
    {
        var negative = RollingStatistics.Of(EmpyricalSeries.NegativeReturns, 6, 252);
        var mixed = RollingStatistics.Of(EmpyricalSeries.MixedReturns, 6, 252);

        AssertSeries([-18.09162052, -26.79897486, -26.69138263, -25.72298838], negative.Points.Select(p => p.SharpeRatio), EightPlaces);
        AssertSeries([7.57445259, 8.22784105, 8.22784105, -3.1374751], mixed.Points.Select(p => p.SharpeRatio), EightPlaces);
        Assert.Equal(EmpyricalSeries.NegativeReturns.Dates.Skip(5), negative.Points.Select(p => p.Date));
        Assert.Empty(RollingStatistics.Of(EmpyricalSeries.Empty, 6, 252).Points);
    }

    [Fact]
    public void RollingMaxDrawdown_SixPeriodWindows_EmpyricalValues() =>
        AssertSeries(
            [-0.2282, -0.2745, -0.2899, -0.2747],
            RollingStatistics.Of(EmpyricalSeries.NegativeReturns, 6, 252).Points.Select(p => p.MaxDrawdown),
            0.6e-4);

    [Fact]
    public void Rolling_WindowLongerThanTheSeries_OnePointOverAllOfIt()
    {
        var rolling = RollingStatistics.Of(EmpyricalSeries.MixedReturns, 50, 252);

        var point = Assert.Single(rolling.Points);
        Assert.Equal(ReturnStatistics.Of(EmpyricalSeries.MixedReturns).SharpeRatio, point.SharpeRatio, 1e-12);
        Assert.Equal(ReturnStatistics.Of(EmpyricalSeries.MixedReturns).MaxDrawdown.Depth, point.MaxDrawdown, 1e-15);
    }

    private static ReturnSeries Series(string name) => name switch
    {
        "empty" => EmpyricalSeries.Empty,
        "one" => EmpyricalSeries.OneReturn,
        "mixed" => EmpyricalSeries.MixedReturns,
        "positive" => EmpyricalSeries.PositiveReturns,
        "negative" => EmpyricalSeries.NegativeReturns,
        "flat_long" => EmpyricalSeries.FlatLine1Long,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such series"),
    };

    private static void AssertClose(double expected, double actual)
    {
        if (double.IsNaN(expected))
        {
            Assert.True(double.IsNaN(actual), $"expected NaN, got {actual}");
            return;
        }

        Assert.Equal(expected, actual, EightPlaces);
    }

    private static void AssertSeries(double[] expected, IEnumerable<double> actual, double tolerance)
    {
        var values = actual.ToArray();
        Assert.Equal(expected.Length, values.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - values[i]) <= tolerance, $"point {i}: expected {expected[i]}, got {values[i]}");
        }
    }
}
