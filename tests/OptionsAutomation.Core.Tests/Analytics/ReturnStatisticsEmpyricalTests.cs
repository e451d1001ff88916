using OptionsAutomation.Core.Analytics;

namespace OptionsAutomation.Core.Tests.Analytics;

/// <summary>
/// <see cref="ReturnStatistics"/> against the expected values published in empyrical's test suite (test_stats.py,
/// checked there to 8 decimal places, here to 1e-8). Series in <see cref="EmpyricalSeries"/>; the periods per year are
/// empyrical's DAILY 252, WEEKLY 52, MONTHLY 12, YEARLY 1. empyrical's "required_return" of Sortino and downside risk is
/// our risk-free return; its flat_line_1 (a constant 1%) as required return is the constant 0.01.
/// </summary>
public sealed class ReturnStatisticsEmpyricalTests
{
    private const double Places8 = 1e-8;

    public static TheoryData<string, int, double> AnnualReturns => new()
    {
        { nameof(EmpyricalSeries.MixedReturns), 252, 1.9135925373194231 },
        { nameof(EmpyricalSeries.MixedWithoutGap), 52, 0.24690830513998208 },
        { nameof(EmpyricalSeries.MixedWithoutGap), 12, 0.052242061386048144 },
        // test_cagr
        { nameof(EmpyricalSeries.OneReturn), 252, 11.274002099240244 },
        { nameof(EmpyricalSeries.FlatLine1Long), 252, 11.274002099240256 },
        { nameof(EmpyricalSeries.FlatLineYearly), 1, 0.03 },
    };

    public static TheoryData<string, double> MaxDrawdowns => new()
    {
        { nameof(EmpyricalSeries.OneReturn), 0.0 },
        { nameof(EmpyricalSeries.SimpleBenchmark), 0.0 },
        { nameof(EmpyricalSeries.MixedReturns), -0.1 },
        { nameof(EmpyricalSeries.PositiveReturns), -0.0 },
        { nameof(EmpyricalSeries.NegativeReturns), -0.36590730 },
        { nameof(EmpyricalSeries.AllNegativeReturns), -0.378589157 },
        { nameof(EmpyricalSeries.UpDownUp), -0.10 },
    };

    public static TheoryData<string, int, double> AnnualVolatilities => new()
    {
        { nameof(EmpyricalSeries.FlatLine1Long), 252, 0.0 },
        { nameof(EmpyricalSeries.MixedReturns), 252, 0.9136465399704637 },
        { nameof(EmpyricalSeries.MixedWithoutGap), 52, 0.38851569394870583 },
        { nameof(EmpyricalSeries.MixedWithoutGap), 12, 0.18663690238892558 },
    };

    public static TheoryData<string, int, double> CalmarRatios => new()
    {
        { nameof(EmpyricalSeries.MixedReturns), 252, 19.135925373194233 },
        { nameof(EmpyricalSeries.MixedWithoutGap), 52, 2.4690830513998208 },
        { nameof(EmpyricalSeries.MixedWithoutGap), 12, 0.52242061386048144 },
    };

    public static TheoryData<string, double> SharpeRatios => new()
    {
        { nameof(EmpyricalSeries.MixedReturns), 1.7238613961706866 },
        { nameof(EmpyricalSeries.PositiveReturns), 52.915026221291804 },
        { nameof(EmpyricalSeries.NegativeReturns), -24.406808633910085 },
    };

    public static TheoryData<string, double, int, double> DownsideRisks => new()
    {
        { nameof(EmpyricalSeries.OneReturn), 0.0, 252, 0.0 },
        { nameof(EmpyricalSeries.MixedReturns), 0.0, 252, 0.60448325038829653 },
        { nameof(EmpyricalSeries.MixedReturns), 0.1, 252, 1.7161730681956295 },
        { nameof(EmpyricalSeries.MixedWithoutGap), 0.0, 52, 0.25888650451930134 },
        { nameof(EmpyricalSeries.MixedWithoutGap), 0.1, 52, 0.7733045971672482 },
        { nameof(EmpyricalSeries.MixedWithoutGap), 0.0, 12, 0.1243650540411842 },
        { nameof(EmpyricalSeries.MixedWithoutGap), 0.1, 12, 0.37148351242013422 },
        // df_simple, df_week, df_month
        { nameof(EmpyricalSeries.One), 0.0, 252, 0.20671788246185202 },
        { nameof(EmpyricalSeries.Two), 0.0, 252, 0.083495680595704475 },
        { nameof(EmpyricalSeries.One), 0.0, 52, 0.093902996054410062 },
        { nameof(EmpyricalSeries.Two), 0.0, 52, 0.037928477556776516 },
        { nameof(EmpyricalSeries.One), 0.0, 12, 0.045109540184877193 },
        { nameof(EmpyricalSeries.Two), 0.0, 12, 0.018220251263412916 },
    };

    public static TheoryData<string, double, int, double> SortinoRatios => new()
    {
        { nameof(EmpyricalSeries.MixedReturns), 0.0, 252, 2.605531251673693 },
        { nameof(EmpyricalSeries.MixedReturns), 0.01, 252, -1.3934779588919977 },
        { nameof(EmpyricalSeries.NegativeReturns), 0.0, 252, -13.532743075043401 },
        { nameof(EmpyricalSeries.MixedWithoutGap), 0.0, 52, 1.1158901056866439 },
        { nameof(EmpyricalSeries.MixedWithoutGap), 0.0, 12, 0.53605626741889756 },
        { nameof(EmpyricalSeries.One), 0.0, 252, 3.0639640966566306 },
        { nameof(EmpyricalSeries.Two), 0.0, 252, 38.090963117002495 },
        { nameof(EmpyricalSeries.One), 0.0, 52, 1.3918264112070571 },
        { nameof(EmpyricalSeries.Two), 0.0, 52, 17.303077589064618 },
        { nameof(EmpyricalSeries.One), 0.0, 12, 0.6686117809312383 },
        { nameof(EmpyricalSeries.Two), 0.0, 12, 8.3121296084492844 },
    };

    [Theory]
    [MemberData(nameof(AnnualReturns))]
    public void AnnualReturn_EmpyricalSeries_MatchesPublishedValue(string series, int periodsPerYear, double expected) =>
        Assert.Equal(expected, Of(series, periodsPerYear).AnnualReturn, Places8);

    [Theory]
    [MemberData(nameof(MaxDrawdowns))]
    public void MaxDrawdown_EmpyricalSeries_MatchesPublishedValue(string series, double expected) =>
        Assert.Equal(expected, Of(series).MaxDrawdown.Depth, Places8);

    [Theory]
    [MemberData(nameof(AnnualVolatilities))]
    public void AnnualVolatility_EmpyricalSeries_MatchesPublishedValue(string series, int periodsPerYear, double expected) =>
        Assert.Equal(expected, Of(series, periodsPerYear).AnnualVolatility, Places8);

    [Theory]
    [MemberData(nameof(CalmarRatios))]
    public void CalmarRatio_EmpyricalSeries_MatchesPublishedValue(string series, int periodsPerYear, double expected) =>
        Assert.Equal(expected, Of(series, periodsPerYear).CalmarRatio, Places8);

    [Theory]
    [MemberData(nameof(SharpeRatios))]
    public void SharpeRatio_EmpyricalSeries_MatchesPublishedValue(string series, double expected) =>
        Assert.Equal(expected, Of(series).SharpeRatio, Places8);

    [Theory]
    [MemberData(nameof(DownsideRisks))]
    public void DownsideRisk_EmpyricalSeries_MatchesPublishedValue(string series, double target, int periodsPerYear, double expected) =>
        Assert.Equal(expected, Of(series, periodsPerYear, target).DownsideRisk, Places8);

    [Theory]
    [MemberData(nameof(SortinoRatios))]
    public void SortinoRatio_EmpyricalSeries_MatchesPublishedValue(string series, double target, int periodsPerYear, double expected) =>
        Assert.Equal(expected, Of(series, periodsPerYear, target).SortinoRatio, Places8);

    /// <summary>test_cum_returns_final: 0.03893 for mixed_returns and −0.36590 for negative_returns, to 4 places.</summary>
    [Fact]
    public void TotalReturn_EmpyricalSeries_MatchesPublishedValueToFourPlaces()
    {
        Assert.Equal(0.01, Of(nameof(EmpyricalSeries.OneReturn)).TotalReturn, 1e-4);
        Assert.Equal(0.03893, Of(nameof(EmpyricalSeries.MixedReturns)).TotalReturn, 1e-4);
        Assert.Equal(-0.36590, Of(nameof(EmpyricalSeries.NegativeReturns)).TotalReturn, 1e-4);
    }

    /// <summary>
    /// test_tail_ratio publishes 1.0 for one_return and 0.947 for mixed_returns to one decimal place only; the exact
    /// value over the eight present returns is hand-computed: |p95| = 0.03 + 0.65 × 0.07 = 0.0755 and
    /// |p5| = |−0.10 + 0.35 × 0.06| = 0.079, so 0.0755 ÷ 0.079.
    /// </summary>
    [Fact]
    public void TailRatio_EmpyricalSeries_MatchesPublishedValueAndHandComputation()
    {
        Assert.Equal(1.0, Of(nameof(EmpyricalSeries.OneReturn)).TailRatio, 0.15);
        Assert.Equal(0.947, Of(nameof(EmpyricalSeries.MixedReturns)).TailRatio, 0.15);
        Assert.Equal(0.0755 / 0.079, Of(nameof(EmpyricalSeries.MixedReturns)).TailRatio, 1e-12);
    }

    private static ReturnStatistics Of(string series, int periodsPerYear = 252, double riskFree = 0.0)
    {
        var returns = (ReturnSeries)typeof(EmpyricalSeries).GetProperty(series)!.GetValue(null)!;
        return ReturnStatistics.Of(returns, periodsPerYear, riskFree);
    }
}
