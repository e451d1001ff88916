using OptionsAutomation.Core.Analytics;

namespace OptionsAutomation.Core.Tests.Analytics;

/// <summary>Depth, dates, duration and recovery of the deepest drawdown, by hand.</summary>
public sealed class MaxDrawdownTests
{
    private static readonly DateOnly Jan2 = new(2026, 1, 2);

    /// <summary>
    /// Equity 100, 110, 99, 104.5, 110, 121 (one row a day from Jan 2): the peak 110 on Jan 3 falls to 99 on Jan 4
    /// (−10%) and is back at 110 on Jan 6: 3 periods from peak to recovery, 2 from trough to recovery.
    /// </summary>
    [Fact]
    public void Of_RecoveredDrawdown_DatesDurationAndRecovery()
    {
        var drawdown = MaxDrawdown.Of(Equity(100, 110, 99, 104.5m, 110, 121));

        Assert.Equal(-0.10, drawdown.Depth, 1e-12);
        Assert.Equal((Jan2.AddDays(1), Jan2.AddDays(2), Jan2.AddDays(4)), (drawdown.Peak, drawdown.Trough, drawdown.Recovery));
        Assert.Equal((3, 2), (drawdown.DurationPeriods, drawdown.RecoveryPeriods));
    }

    /// <summary>Still under water at the end: no recovery, and the duration runs from the peak to the last period.</summary>
    [Fact]
    public void Of_NotRecovered_DurationToLastPeriodAndNoRecovery()
    {
        var drawdown = MaxDrawdown.Of(Equity(100, 120, 90, 100, 96, 108));

        Assert.Equal(-0.25, drawdown.Depth, 1e-12);
        Assert.Equal((Jan2.AddDays(1), Jan2.AddDays(2), (DateOnly?)null), (drawdown.Peak, drawdown.Trough, drawdown.Recovery));
        Assert.Equal(4, drawdown.DurationPeriods);
        Assert.Null(drawdown.RecoveryPeriods);
    }

    /// <summary>
    /// The index starts at 1 before the first return, so a first loss is a drawdown from the start; a series given as
    /// returns has no start date, so the peak has none.
    /// </summary>
    [Fact]
    public void Of_FirstReturnALoss_PeakIsTheUndatedStart()
    {
        var drawdown = MaxDrawdown.Of(EmpyricalSeries.Percent(-5, 10));

        Assert.Equal(-0.05, drawdown.Depth, 1e-12);
        Assert.Null(drawdown.Peak);
        Assert.Equal(new DateOnly(2000, 1, 30), drawdown.Trough);
        Assert.Equal(new DateOnly(2000, 1, 31), drawdown.Recovery);
        Assert.Equal((2, 1), (drawdown.DurationPeriods, drawdown.RecoveryPeriods));
    }

    [Fact]
    public void Of_NeverFalls_ZeroWithoutDates()
    {
        var drawdown = MaxDrawdown.Of(EmpyricalSeries.PositiveReturns);

        Assert.Equal(new MaxDrawdown(0.0, null, null, null, 0, null), drawdown);
    }

    private static ReturnSeries Equity(params decimal[] values) =>
        ReturnSeries.FromEquity([.. values.Select((v, i) => (Jan2.AddDays(i), v))]);
}
