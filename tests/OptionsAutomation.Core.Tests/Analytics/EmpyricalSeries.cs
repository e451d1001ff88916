using OptionsAutomation.Core.Analytics;

namespace OptionsAutomation.Core.Tests.Analytics;

/// <summary>
/// The return series of empyrical's test suite (quantopian/empyrical tests/test_stats.py, as kept in
/// stefan-jansen/empyrical-reloaded tests/conftest.py), in percent as written there, dated one period apart from
/// 2000-01-30 like the pandas index. NaN is a missing period.
/// </summary>
internal static class EmpyricalSeries
{
    public static ReturnSeries Empty => Percent();

    public static ReturnSeries OneReturn => Percent(1);

    public static ReturnSeries SimpleBenchmark => Percent(0, 1, 0, 1, 0, 1, 0, 1, 0);

    public static ReturnSeries PositiveReturns => Percent(1, 2, 1, 1, 1, 1, 1, 1, 1);

    public static ReturnSeries NegativeReturns => Percent(0, -6, -7, -1, -9, -2, -6, -8, -5);

    public static ReturnSeries AllNegativeReturns => Percent(-2, -6, -7, -1, -9, -2, -6, -8, -5);

    public static ReturnSeries MixedReturns => Percent(double.NaN, 1, 10, -4, 2, 3, 2, 1, -10);

    /// <summary>mixed_returns with 0 for the missing first period: empyrical's weekly_returns and monthly_returns.</summary>
    public static ReturnSeries MixedWithoutGap => Percent(0, 1, 10, -4, 2, 3, 2, 1, -10);

    public static ReturnSeries UpDownUp => Percent(10, -10, 10);

    public static ReturnSeries FlatLine1 => Percent(1, 1, 1, 1, 1, 1, 1, 1, 1);

    /// <summary>flat_line_1_tz: 1000 daily returns of 1%.</summary>
    public static ReturnSeries FlatLine1Long => Percent([.. Enumerable.Repeat(1.0, 1000)]);

    public static ReturnSeries FlatLineYearly => Percent(3, 3, 3);

    /// <summary>The columns of empyrical's df_simple / df_week / df_month, as fractions.</summary>
    public static ReturnSeries One => Fractions(-0.00171614, 0.01322056, 0.03063862, -0.01422057, -0.00489779, 0.01268925, -0.03357711, 0.01797036);

    public static ReturnSeries Two => Fractions(0.01846232, 0.00793951, -0.01448395, 0.00422537, -0.00339611, 0.03756813, 0.0151531, 0.03549769);

    public static ReturnSeries Percent(params double[] percents) => Fractions([.. percents.Select(p => p / 100)]);

    public static ReturnSeries Fractions(params double[] returns) =>
        ReturnSeries.FromReturns([.. returns.Select((r, i) => (new DateOnly(2000, 1, 30).AddDays(i), r))]);
}
