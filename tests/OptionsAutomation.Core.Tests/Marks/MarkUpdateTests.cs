using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Marks;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Tests.Support;

namespace OptionsAutomation.Core.Tests.Marks;

public sealed class MarkUpdateTests
{
    private static readonly DateTimeOffset QuotedAt = TestQuotes.QuotedAt;
    private static readonly DateTimeOffset Now = TestQuotes.Now;
    private static readonly ExitRuleSettings Rules = new();
    private static readonly PositionGreeks SomeGreeks = new(-25.5m, -1.2m, 3.4m, -8.75m);

    private static PositionMark FreshMark(Position position, params decimal[] mids) =>
        PositionMarker.Mark(position, TestQuotes.AtMids(position, mids), Now, Rules);

    private static PositionMark StaleMark(Position position, decimal mid) =>
        PositionMarker.Mark(position, [TestQuotes.AtMid(position.Legs[0].Contract, mid, Now.AddMinutes(-11))], Now, Rules);

    private static PositionMark UnusableMark(Position position) =>
        PositionMarker.Mark(position, [TestQuotes.Quote(position.Legs[0].Contract, null, 0.80m)], Now, Rules);

    /// <summary>The worked example after earlier marks: last good mark 1.00 (+50), MAE −20, MFE +60, one breach.</summary>
    private static Position PreviouslyMarked() => PositionBuilder.Csp("SPY", 580m, 1.50m).WithId(5).Build() with
    {
        MarkStatus = MarkQuality.Fresh,
        MarkPrice = 1.00m,
        MarkedAt = QuotedAt.AddHours(-1),
        UnrealizedPnl = 50m,
        Mae = -20m,
        Mfe = 60m,
        StopBreaches = 1,
        Delta = SomeGreeks.Delta,
        Gamma = SomeGreeks.Gamma,
        Theta = SomeGreeks.Theta,
        Vega = SomeGreeks.Vega,
    };

    private static Position Apply(Position position, decimal mid) =>
        MarkUpdate.For(position, FreshMark(position, mid), null).ApplyTo(position, Now);

    // ---- fresh ----

    [Fact]
    public void For_WorkedExampleMarkedAt350_PnlMinus200()
    {
        var position = PositionBuilder.Csp("SPY", 580m, 1.50m).WithId(5).Build();

        var update = MarkUpdate.For(position, FreshMark(position, 3.50m), null);

        Assert.Equal(5, update.PositionId);
        Assert.Equal(MarkQuality.Fresh, update.Quality);
        Assert.Null(update.Problem);
        Assert.Equal(3.50m, update.MarkPrice);
        Assert.Equal(QuotedAt, update.MarkedAt);
        Assert.Equal(-200.00m, update.UnrealizedPnl);
        Assert.Equal(-200.00m, update.Mae);
        Assert.Equal(-200.00m, update.Mfe);
        Assert.Equal(0, update.StopBreaches);
        Assert.Null(update.Greeks);
    }

    [Fact]
    public void For_WorkedExampleMarkedAt075_PnlPlus75()
    {
        var position = PositionBuilder.Csp("SPY", 580m, 1.50m).Build();

        var update = MarkUpdate.For(position, FreshMark(position, 0.75m), null);

        Assert.Equal(0.75m, update.MarkPrice);
        Assert.Equal(75.00m, update.UnrealizedPnl);
        Assert.Equal(75.00m, update.Mae);
        Assert.Equal(75.00m, update.Mfe);
    }

    [Fact]
    public void For_FreshMark_MarkedAtIsTheQuoteTimeNotNow()
    {
        var position = PositionBuilder.Csp().Build();
        var mark = PositionMarker.Mark(position, [TestQuotes.AtMid(position.Legs[0].Contract, 0.75m, Now.AddMinutes(-9))], Now, Rules);

        var update = MarkUpdate.For(position, mark, null);

        Assert.Equal(Now.AddMinutes(-9), update.MarkedAt);
    }

    [Fact]
    public void For_PositionWithFees_SubtractsFees()
    {
        // (1.50 − 0.75) × 100 × 1 − 1.30 = 73.70
        var position = PositionBuilder.Csp("SPY", 580m, 1.50m).WithFees(1.30m).Build();

        var update = MarkUpdate.For(position, FreshMark(position, 0.75m), null);

        Assert.Equal(73.70m, update.UnrealizedPnl);
    }

    [Fact]
    public void For_SeveralContracts_ScalesPnl()
    {
        // (2.10 − 0.95) × 100 × 4 − 2.60 = 457.40
        var position = PositionBuilder.Csp("QQQ", 480m, 2.10m).WithQuantity(4).WithFees(2.60m).Build();

        var update = MarkUpdate.For(position, FreshMark(position, 0.95m), null);

        Assert.Equal(0.95m, update.MarkPrice);
        Assert.Equal(457.40m, update.UnrealizedPnl);
    }

    [Fact]
    public void For_Vpc_UsesTheNetMark()
    {
        // Short 580 mid 2.10, long 575 mid 0.90 → 1.20; (1.50 − 1.20) × 100 × 2 = 60.
        var position = PositionBuilder.Vpc("SPY", 580m, 575m, 1.50m).WithQuantity(2).Build();

        var update = MarkUpdate.For(position, FreshMark(position, 2.10m, 0.90m), null);

        Assert.Equal(1.20m, update.MarkPrice);
        Assert.Equal(60.00m, update.UnrealizedPnl);
    }

    [Fact]
    public void For_FreshMarkInsideTheRange_KeepsMaeAndMfe()
    {
        // 1.30 → +20, between MAE −20 and MFE +60.
        var update = MarkUpdate.For(PreviouslyMarked(), FreshMark(PreviouslyMarked(), 1.30m), null);

        Assert.Equal(20.00m, update.UnrealizedPnl);
        Assert.Equal(-20m, update.Mae);
        Assert.Equal(60m, update.Mfe);
    }

    [Fact]
    public void For_NewLow_LowersMae()
    {
        // 2.00 → −50
        var update = MarkUpdate.For(PreviouslyMarked(), FreshMark(PreviouslyMarked(), 2.00m), null);

        Assert.Equal(-50.00m, update.Mae);
        Assert.Equal(60m, update.Mfe);
    }

    [Fact]
    public void For_NewHigh_RaisesMfe()
    {
        // 0.50 → +100
        var update = MarkUpdate.For(PreviouslyMarked(), FreshMark(PreviouslyMarked(), 0.50m), null);

        Assert.Equal(-20m, update.Mae);
        Assert.Equal(100.00m, update.Mfe);
    }

    [Fact]
    public void For_SequenceOfMarks_TracksExcursions()
    {
        var position = PositionBuilder.Csp("SPY", 580m, 1.50m).Build();

        position = Apply(position, 1.20m); // +30
        position = Apply(position, 2.50m); // −100
        position = Apply(position, 0.90m); // +60
        position = Apply(position, 1.40m); // +10

        Assert.Equal(1.40m, position.MarkPrice);
        Assert.Equal(10.00m, position.UnrealizedPnl);
        Assert.Equal(-100.00m, position.Mae);
        Assert.Equal(60.00m, position.Mfe);
    }

    [Fact]
    public void For_LossExactlyAtStop_CountsABreach()
    {
        // 4.50 → −300 = the stop of 300.
        var position = PositionBuilder.Csp("SPY", 580m, 1.50m).Build();

        var update = MarkUpdate.For(position, FreshMark(position, 4.50m), null);

        Assert.Equal(-300.00m, update.UnrealizedPnl);
        Assert.Equal(1, update.StopBreaches);
    }

    [Fact]
    public void For_LossBeyondStop_AddsToPreviousBreaches()
    {
        var update = MarkUpdate.For(PreviouslyMarked(), FreshMark(PreviouslyMarked(), 5.00m), null);

        Assert.Equal(-350.00m, update.UnrealizedPnl);
        Assert.Equal(2, update.StopBreaches);
    }

    [Fact]
    public void For_LossJustShortOfStop_ResetsBreaches()
    {
        // 4.49 → −299, one dollar short of the stop.
        var update = MarkUpdate.For(PreviouslyMarked(), FreshMark(PreviouslyMarked(), 4.49m), null);

        Assert.Equal(-299.00m, update.UnrealizedPnl);
        Assert.Equal(0, update.StopBreaches);
    }

    [Fact]
    public void For_FeesCount_TowardsTheStop()
    {
        // 4.49 with 1.30 of fees → −300.30, beyond the stop of 300.
        var position = PositionBuilder.Csp("SPY", 580m, 1.50m).WithFees(1.30m).Build();

        var update = MarkUpdate.For(position, FreshMark(position, 4.49m), null);

        Assert.Equal(-300.30m, update.UnrealizedPnl);
        Assert.Equal(1, update.StopBreaches);
    }

    [Fact]
    public void For_FreshMark_ClearsAnEarlierProblem()
    {
        var position = PreviouslyMarked() with { MarkStatus = MarkQuality.Stale, MarkProblem = "quotes are 11 min old (limit 10 min)" };

        var marked = Apply(position, 1.30m);

        Assert.Equal(MarkQuality.Fresh, marked.MarkStatus);
        Assert.Null(marked.MarkProblem);
    }

    [Fact]
    public void For_FreshMarkWithGreeks_TakesTheNewGreeks()
    {
        var position = PreviouslyMarked();
        var greeks = new PositionGreeks(-30m, -1.5m, 4m, -9m);

        var update = MarkUpdate.For(position, FreshMark(position, 1.30m), greeks);

        Assert.Equal(greeks, update.Greeks);
    }

    [Fact]
    public void For_FreshMarkWithoutGreeks_KeepsThePreviousGreeks()
    {
        var update = MarkUpdate.For(PreviouslyMarked(), FreshMark(PreviouslyMarked(), 1.30m), null);

        Assert.Equal(SomeGreeks, update.Greeks);
    }

    // ---- stale / unusable ----

    [Fact]
    public void For_StaleMark_KeepsEveryPreviousValue()
    {
        var position = PreviouslyMarked();

        // A stale 5.00 would be a loss beyond the stop; it must not move anything.
        var update = MarkUpdate.For(position, StaleMark(position, 5.00m), new PositionGreeks(1m, 1m, 1m, 1m));

        Assert.Equal(MarkQuality.Stale, update.Quality);
        Assert.Equal("quotes are 11 min old (limit 10 min)", update.Problem);
        Assert.Equal(1.00m, update.MarkPrice);
        Assert.Equal(QuotedAt.AddHours(-1), update.MarkedAt);
        Assert.Equal(50m, update.UnrealizedPnl);
        Assert.Equal(-20m, update.Mae);
        Assert.Equal(60m, update.Mfe);
        Assert.Equal(1, update.StopBreaches);
        Assert.Equal(SomeGreeks, update.Greeks);
    }

    [Fact]
    public void For_UnusableMark_KeepsEveryPreviousValue()
    {
        var position = PreviouslyMarked();

        var update = MarkUpdate.For(position, UnusableMark(position), null);

        Assert.Equal(MarkQuality.Unusable, update.Quality);
        Assert.Equal("no bid for SPY   260320P00580000", update.Problem);
        Assert.Equal(1.00m, update.MarkPrice);
        Assert.Equal(QuotedAt.AddHours(-1), update.MarkedAt);
        Assert.Equal(50m, update.UnrealizedPnl);
        Assert.Equal(-20m, update.Mae);
        Assert.Equal(60m, update.Mfe);
        Assert.Equal(1, update.StopBreaches);
        Assert.Equal(SomeGreeks, update.Greeks);
    }

    [Fact]
    public void For_UnusableMarkBeforeAnyGoodOne_LeavesEverythingEmpty()
    {
        var position = PositionBuilder.Csp().Build();

        var update = MarkUpdate.For(position, UnusableMark(position), null);

        Assert.Equal(MarkQuality.Unusable, update.Quality);
        Assert.Null(update.MarkPrice);
        Assert.Null(update.MarkedAt);
        Assert.Null(update.UnrealizedPnl);
        Assert.Null(update.Mae);
        Assert.Null(update.Mfe);
        Assert.Equal(0, update.StopBreaches);
        Assert.Null(update.Greeks);
    }

    // ---- ApplyTo ----

    [Fact]
    public void ApplyTo_Fresh_WritesTheMarkColumns()
    {
        var position = PositionBuilder.Csp("SPY", 580m, 1.50m).Build();
        var greeks = new PositionGreeks(-25m, -1m, 3m, -8m);

        var marked = MarkUpdate.For(position, FreshMark(position, 3.50m), greeks).ApplyTo(position, Now);

        Assert.Equal(MarkQuality.Fresh, marked.MarkStatus);
        Assert.Null(marked.MarkProblem);
        Assert.Equal(3.50m, marked.MarkPrice);
        Assert.Equal(QuotedAt, marked.MarkedAt);
        Assert.Equal(-200.00m, marked.UnrealizedPnl);
        Assert.Equal(-200.00m, marked.Mae);
        Assert.Equal(-200.00m, marked.Mfe);
        Assert.Equal(0, marked.StopBreaches);
        Assert.Equal(greeks, marked.Greeks());
        Assert.Equal(Now, marked.LastUpdated);
        Assert.Equal(PositionStatus.Open, marked.Status);
        Assert.Equal(position.EntryPrice, marked.EntryPrice);
        Assert.Null(marked.RealizedPnl);
    }

    [Fact]
    public void ApplyTo_Stale_OnlyFlagsThePosition()
    {
        var position = PreviouslyMarked();

        var marked = MarkUpdate.For(position, StaleMark(position, 5.00m), null).ApplyTo(position, Now);

        Assert.Equal(position with
        {
            MarkStatus = MarkQuality.Stale,
            MarkProblem = "quotes are 11 min old (limit 10 min)",
            LastUpdated = Now,
        }, marked);
    }
}
