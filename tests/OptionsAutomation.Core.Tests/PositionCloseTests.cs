using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Tests.Support;

namespace OptionsAutomation.Core.Tests;

public sealed class PositionCloseTests
{
    private static readonly DateTimeOffset Now = TestDates.Now;

    [Fact]
    public void Close_WorkedExampleAtProfitTarget_Realizes75_50Percent_Win()
    {
        var position = PositionBuilder.Csp("SPY", 580m, 1.50m).Build();
        Assert.Equal(75.00m, position.ProfitTarget);
        Assert.Equal(300.00m, position.StopLoss);
        Assert.Equal(150.00m, position.ReturnBase());

        var (closed, trade) = position.Close(TestExits.At(0.75m, ExitReason.ProfitTarget), Now);

        Assert.Equal(75.00m, closed.RealizedPnl);
        Assert.Equal(50.00m, closed.PnlPercent);
        Assert.Equal(PositionStatus.Closed, closed.Status);
        Assert.Equal(75.00m, trade.PnlRealized);
        Assert.Equal(50.00m, trade.PnlPercent);
        Assert.Equal(TradeOutcome.Win, trade.WinLoss);
    }

    [Fact]
    public void Close_WorkedExampleAt350_RealizesMinus200_Loss()
    {
        var position = PositionBuilder.Csp("SPY", 580m, 1.50m).Build();

        var (closed, trade) = position.Close(TestExits.At(3.50m, ExitReason.Manual), Now);

        Assert.Equal(-200.00m, closed.RealizedPnl);
        Assert.Equal(-133.33m, closed.PnlPercent);
        Assert.Equal(TradeOutcome.Loss, trade.WinLoss);
    }

    [Fact]
    public void Close_SubtractsFees()
    {
        var position = PositionBuilder.Csp("SPY", 580m, 1.50m).WithFees(1.30m).Build();

        var (closed, trade) = position.Close(TestExits.At(0.75m, ExitReason.ProfitTarget), Now);

        Assert.Equal(73.70m, closed.RealizedPnl);
        Assert.Equal(49.13m, closed.PnlPercent);
        Assert.Equal(1.30m, trade.Fees);
        Assert.Equal(TradeOutcome.Win, trade.WinLoss);
    }

    [Fact]
    public void Close_WhenFeesEatTheWholeGain_BreakEvenIsLoss()
    {
        var position = PositionBuilder.Csp("SPY", 580m, 1.50m).WithFees(1.00m).Build();

        var (closed, trade) = position.Close(TestExits.At(1.49m), Now);

        Assert.Equal(0m, closed.RealizedPnl);
        Assert.Equal(0m, closed.PnlPercent);
        Assert.Equal(TradeOutcome.Loss, trade.WinLoss);
    }

    [Fact]
    public void Close_OneCentAfterFees_IsWin()
    {
        var position = PositionBuilder.Csp("SPY", 580m, 1.50m).WithFees(0.99m).Build();

        var (closed, trade) = position.Close(TestExits.At(1.49m), Now);

        Assert.Equal(0.01m, closed.RealizedPnl);
        Assert.Equal(TradeOutcome.Win, trade.WinLoss);
    }

    [Fact]
    public void Close_SeveralContracts_ScalesPnl()
    {
        var position = PositionBuilder.Csp("QQQ", 480m, 2.10m).WithQuantity(4).WithFees(2.60m).Build();

        var (closed, _) = position.Close(TestExits.At(0.95m), Now);

        // (2.10 - 0.95) x 100 x 4 - 2.60 = 457.40 of 840 max profit
        Assert.Equal(457.40m, closed.RealizedPnl);
        Assert.Equal(54.45m, closed.PnlPercent);
    }

    [Fact]
    public void Close_VpcAtFullWidth_LosesMaxLoss()
    {
        var position = PositionBuilder.Vpc("SPY", 580m, 575m, 1.50m).Build();

        var (closed, trade) = position.Close(TestExits.At(5.00m, ExitReason.StopLoss), Now);

        Assert.Equal(-350.00m, closed.RealizedPnl);
        Assert.Equal(-233.33m, closed.PnlPercent);
        Assert.Equal(350.00m, trade.MaxRisk);
        Assert.Equal(500.00m, trade.CollateralRequired);
        Assert.Equal(TradeOutcome.Loss, trade.WinLoss);
    }

    [Fact]
    public void Close_ExpiredWorthless_KeepsWholeCredit_StatusExpired()
    {
        var position = PositionBuilder.Csp("SPY", 580m, 1.50m).Build();

        var (closed, trade) = position.Close(TestExits.At(0m, ExitReason.Expired), Now);

        Assert.Equal(150.00m, closed.RealizedPnl);
        Assert.Equal(100.00m, closed.PnlPercent);
        Assert.Equal(PositionStatus.Expired, closed.Status);
        Assert.Equal(PositionStatus.Expired, trade.Status);
    }

    [Theory]
    [InlineData(ExitReason.ProfitTarget, PositionStatus.Closed)]
    [InlineData(ExitReason.StopLoss, PositionStatus.Closed)]
    [InlineData(ExitReason.DaysToExpiry, PositionStatus.Closed)]
    [InlineData(ExitReason.Manual, PositionStatus.Closed)]
    [InlineData(ExitReason.Risk, PositionStatus.Closed)]
    [InlineData(ExitReason.Expired, PositionStatus.Expired)]
    [InlineData(ExitReason.Assigned, PositionStatus.Assigned)]
    public void Close_StatusFollowsReason(ExitReason reason, PositionStatus expected)
    {
        var (closed, trade) = PositionBuilder.Csp().Build().Close(TestExits.At(0.50m, reason), Now);

        Assert.Equal(expected, closed.Status);
        Assert.Equal(expected, trade.Status);
        Assert.Equal(reason, closed.ExitReason);
        Assert.Equal(reason, trade.ExitReason);
    }

    [Theory]
    [InlineData(PositionStatus.Closed)]
    [InlineData(PositionStatus.Expired)]
    [InlineData(PositionStatus.Assigned)]
    public void Close_WhenNotOpen_Refuses(PositionStatus status)
    {
        var position = PositionBuilder.Csp().WithId(7).Build() with { Status = status };

        var e = Assert.Throws<PositionNotOpenException>(() => position.Close(TestExits.At(0.75m), Now));

        Assert.Equal(status, e.Status);
        Assert.Equal($"position 7 is {status.ToCode()}, not OPEN; nothing was changed.", e.Message);
    }

    [Fact]
    public void Close_WhenAlreadyClosed_Refuses()
    {
        var (closed, _) = PositionBuilder.Csp().Build().Close(TestExits.At(0.75m), Now);

        var e = Assert.Throws<PositionNotOpenException>(() => closed.Close(TestExits.At(0.10m), Now));

        Assert.Equal(PositionStatus.Closed, e.Status);
    }

    [Fact]
    public void Close_NotOpenIsCheckedBeforeInputs()
    {
        var position = PositionBuilder.Csp().Build() with { Status = PositionStatus.Closed };

        Assert.Throws<PositionNotOpenException>(() => position.Close(TestExits.At(-1m), Now));
    }

    [Fact]
    public void Close_NegativeExitPrice_Refuses()
    {
        var e = Assert.Throws<PositionRuleException>(() => PositionBuilder.Csp().Build().Close(TestExits.At(-0.01m), Now));

        Assert.Contains("exit price must not be negative", Assert.Single(e.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Close_ExitPriceWithMoreThanFourDecimals_Refuses()
    {
        var e = Assert.Throws<PositionRuleException>(() => PositionBuilder.Csp().Build().Close(TestExits.At(0.12345m), Now));

        Assert.Contains("more than 4 decimals", Assert.Single(e.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Close_BeforeEntry_Refuses()
    {
        var position = PositionBuilder.Csp().Build();

        var e = Assert.Throws<PositionRuleException>(() =>
            position.Close(TestExits.At(0.75m, closedAt: TestDates.OpenedAt.AddSeconds(-1)), Now));

        Assert.Contains("before the position opened", Assert.Single(e.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Close_InTheFuture_Refuses()
    {
        var position = PositionBuilder.Csp().Build();

        var e = Assert.Throws<PositionRuleException>(() =>
            position.Close(TestExits.At(0.75m, closedAt: Now.AddTicks(1)), Now));

        Assert.Contains("is in the future", Assert.Single(e.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Close_ListsEveryProblemAtOnce()
    {
        var position = PositionBuilder.Csp().Build();

        var e = Assert.Throws<PositionRuleException>(() =>
            position.Close(TestExits.At(-1m, closedAt: TestDates.OpenedAt.AddDays(-1)), Now));

        Assert.Equal(2, e.Problems.Count);
    }

    [Fact]
    public void Close_AtEntryInstant_IsAcceptedWithZeroDaysHeld()
    {
        var (closed, _) = PositionBuilder.Csp().Build().Close(TestExits.At(1.00m, closedAt: TestDates.OpenedAt), Now);

        Assert.Equal(0, closed.DaysHeld);
        Assert.Equal(50.00m, closed.RealizedPnl);
    }

    [Fact]
    public void Close_AtNow_IsAccepted()
    {
        var (closed, _) = PositionBuilder.Csp().Build().Close(TestExits.At(1.00m, closedAt: Now), Now);

        Assert.Equal(Now, closed.ExitDate);
    }

    [Fact]
    public void Close_DaysHeld_UsesNewYorkDates()
    {
        // Opened Friday 2026-02-27 10:00 New York; closed 2026-03-03T01:30Z = Monday March 2, 20:30 EST.
        var position = PositionBuilder.Csp().OpenedAt(TestDates.Utc(2026, 2, 27, 15)).Build();

        var (closed, _) = position.Close(TestExits.At(0.75m, closedAt: TestDates.Utc(2026, 3, 3, 1, 30)), Now);

        Assert.Equal(3, closed.DaysHeld);
    }

    [Fact]
    public void Close_DaysHeld_OpenedEveningNewYork_CountsFromNewYorkDate()
    {
        // Opened 2026-02-20T04:00Z = Thursday Feb 19, 23:00 EST; closed Feb 20 10:00 New York: one day.
        var position = PositionBuilder.Csp().OpenedAt(TestDates.Utc(2026, 2, 20, 4)).Build();

        var (closed, _) = position.Close(TestExits.At(0.75m, closedAt: TestDates.Utc(2026, 2, 20, 15)), Now);

        Assert.Equal(1, closed.DaysHeld);
    }

    [Fact]
    public void Close_DaysHeld_AcrossDaylightSavingChange()
    {
        // Opened Friday March 6 (EST), closed Monday March 9 (EDT) shortly after midnight New York.
        var now = TestDates.Utc(2026, 3, 10, 12);
        var position = PositionBuilder.Csp().OpenedAt(TestDates.Utc(2026, 3, 6, 15)).Build(now);

        var (closed, _) = position.Close(TestExits.At(0.75m, closedAt: TestDates.Utc(2026, 3, 9, 4, 30)), now);

        Assert.Equal(3, closed.DaysHeld);
    }

    [Fact]
    public void Close_UpdatesPositionFields()
    {
        var position = PositionBuilder.Csp().Build();
        var closedAt = new DateTimeOffset(2026, 3, 4, 15, 0, 0, TimeSpan.FromHours(-5));

        var (closed, _) = position.Close(TestExits.At(0.75m, ExitReason.ProfitTarget, closedAt), Now);

        Assert.Equal(0.75m, closed.ExitPrice);
        Assert.Equal(TestDates.Utc(2026, 3, 4, 20), closed.ExitDate);
        Assert.Equal(TimeSpan.Zero, closed.ExitDate!.Value.Offset);
        Assert.Equal(0m, closed.UnrealizedPnl);
        Assert.Equal(Now, closed.LastUpdated);
        Assert.Equal(12, closed.DaysHeld);
        // Untouched terms.
        Assert.Equal(position.PositionId, closed.PositionId);
        Assert.Equal(position.EntryPrice, closed.EntryPrice);
        Assert.Equal(position.EntryDate, closed.EntryDate);
        Assert.Equal(position.ProfitTarget, closed.ProfitTarget);
        Assert.Equal(position.StopLoss, closed.StopLoss);
        Assert.Same(position.Legs, closed.Legs);
    }

    [Fact]
    public void Close_LeavesOriginalPositionUnchanged()
    {
        var position = PositionBuilder.Csp().Build();

        _ = position.Close(TestExits.At(0.75m), Now);

        Assert.Equal(PositionStatus.Open, position.Status);
        Assert.Null(position.RealizedPnl);
        Assert.Null(position.ExitDate);
    }

    [Fact]
    public void Close_TradeRecordCarriesTheRoundTrip()
    {
        var position = PositionBuilder.Csp("SPY", 580m, 1.50m)
            .WithId(11)
            .WithRequestId("req-11")
            .WithQuantity(2)
            .WithFees(2.60m)
            .Build();

        var (_, trade) = position.Close(TestExits.At(0.70m, ExitReason.ProfitTarget, executedBy: ExecutedBy.Manual), Now);

        Assert.Equal(0, trade.TradeId);
        Assert.Equal("req-11", trade.RequestId);
        Assert.Equal(11, trade.PositionId);
        Assert.Equal("SPY", trade.Ticker);
        Assert.Equal(StrategyType.CashSecuredPut, trade.StrategyType);
        Assert.Equal(TestDates.OpenedAt, trade.EntryDate);
        Assert.Equal(1.50m, trade.EntryPrice);
        Assert.Equal(2, trade.Quantity);
        Assert.Equal(TestDates.ClosedAt, trade.ExitDate);
        Assert.Equal(TestDates.ClosedAt, trade.ClosedAt);
        Assert.Equal(0.70m, trade.ExitPrice);
        Assert.Equal(157.40m, trade.PnlRealized);
        Assert.Equal(52.47m, trade.PnlPercent);
        Assert.Equal(TradeOutcome.Win, trade.WinLoss);
        Assert.Equal(116_000.00m, trade.CollateralRequired);
        Assert.Equal(115_700.00m, trade.MaxRisk);
        Assert.Equal(150.00m, trade.TargetReturn);
        Assert.Equal(PositionStatus.Closed, trade.Status);
        Assert.Equal(ExecutedBy.Manual, trade.ExecutedBy);
        Assert.Equal(ExitReason.ProfitTarget, trade.ExitReason);
        Assert.Equal(2.60m, trade.Fees);
        Assert.Equal(Now, trade.CreatedAt);
    }

    [Fact]
    public void Close_TradeRecordForVpc_MaxRiskIsMaxLoss_TargetIsProfitTarget()
    {
        var position = PositionBuilder.Vpc("IWM", 200m, 195m, 1.25m).WithQuantity(3).Build();

        var (_, trade) = position.Close(TestExits.At(0.60m, ExitReason.DaysToExpiry), Now);

        Assert.Equal(StrategyType.VerticalPutCredit, trade.StrategyType);
        Assert.Equal(1_125.00m, trade.MaxRisk);
        Assert.Equal(1_500.00m, trade.CollateralRequired);
        Assert.Equal(187.50m, trade.TargetReturn);
        Assert.Equal(195.00m, trade.PnlRealized);
        Assert.Equal(52.00m, trade.PnlPercent);
        Assert.Equal(ExecutedBy.Auto, trade.ExecutedBy);
    }

    [Fact]
    public void Close_PnlComesFromStoredEntry_WithCustomMultiplier()
    {
        var position = PositionBuilder.Csp().WithRules(new ExitRuleSettings { ContractMultiplier = 10 }).Build();

        var (closed, _) = position.Close(TestExits.At(0.75m), Now);

        Assert.Equal(7.50m, closed.RealizedPnl);
        Assert.Equal(50.00m, closed.PnlPercent);
    }
}
