using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Tests.Support;

namespace OptionsAutomation.Core.Tests;

public sealed class PositionReduceTests
{
    private const int Seed = 20260305;
    private const int Cases = 200;

    private static readonly DateTimeOffset Now = TestDates.Now;

    // SPY 580 CSP, 5 contracts at 1.50 credit, 3.25 opening fees: max profit 750, target 375, stop 1,500,
    // max loss (580 − 1.50) × 500 = 289,250, collateral 580 × 500 = 290,000.
    private static Position FiveContracts() => PositionBuilder.Csp("SPY", 580m, 1.50m).WithQuantity(5).WithFees(3.25m).Build();

    [Fact]
    public void FiveContracts_Terms_AreTheReferenceNumbers()
    {
        var position = FiveContracts();

        Assert.Equal(375.00m, position.ProfitTarget);
        Assert.Equal(1_500.00m, position.StopLoss);
        Assert.Equal(289_250.00m, position.MaxLoss);
        Assert.Equal(290_000.00m, position.Collateral);
        Assert.Equal(750.00m, position.ReturnBase());
    }

    [Fact]
    public void Reduce_TwoOfFive_TradeRowCarriesTheirShare()
    {
        var (_, trade) = FiveContracts().Reduce(2, TestExits.At(0.75m, ExitReason.ProfitTarget, closingFees: 1.30m, clientOrderId: "close-1-a"), Now);

        Assert.Equal(2, trade.Quantity);
        // round(3.25 × 2 / 5, 2) = 1.30 of the opening fees, plus 1.30 closing.
        Assert.Equal(2.60m, trade.Fees);
        // (1.50 − 0.75) × 100 × 2 − 2.60
        Assert.Equal(147.40m, trade.PnlRealized);
        // 147.40 / 300 × 100
        Assert.Equal(49.13m, trade.PnlPercent);
        Assert.Equal(TradeOutcome.Win, trade.WinLoss);
        Assert.Equal(116_000.00m, trade.CollateralRequired);
        Assert.Equal(115_700.00m, trade.MaxRisk);
        Assert.Equal(150.00m, trade.TargetReturn);
        Assert.Equal(0.75m, trade.ExitPrice);
        Assert.Equal(1.50m, trade.EntryPrice);
        Assert.Equal(PositionStatus.Closed, trade.Status);
        Assert.Equal(ExitReason.ProfitTarget, trade.ExitReason);
        Assert.Equal(TestDates.ClosedAt, trade.ClosedAt);
        Assert.Equal(Now, trade.CreatedAt);
        Assert.Equal("close-1-a", trade.ClientOrderId);
    }

    [Fact]
    public void Reduce_TwoOfFive_LeavesThreeOpenWithTheRest()
    {
        var position = FiveContracts();

        var result = position.Reduce(2, TestExits.At(0.75m, ExitReason.ProfitTarget, closingFees: 1.30m), Now);
        var rest = result.Position;

        Assert.True(result.IsPartial);
        Assert.Equal(PositionStatus.Open, rest.Status);
        Assert.Equal(3, rest.Quantity);
        Assert.Equal(2, rest.ClosedQuantity);
        Assert.Equal(1.95m, rest.Fees);
        Assert.Equal(900.00m, rest.StopLoss);
        Assert.Equal(225.00m, rest.ProfitTarget);
        Assert.Equal(173_550.00m, rest.MaxLoss);
        Assert.Equal(174_000.00m, rest.Collateral);
        Assert.Equal(147.40m, rest.RealizedPnl);
        Assert.Equal(Now, rest.LastUpdated);
        // Still open: nothing of an exit on the position row.
        Assert.Null(rest.ExitDate);
        Assert.Null(rest.ExitPrice);
        Assert.Null(rest.ExitReason);
        Assert.Null(rest.DaysHeld);
        Assert.Null(rest.PnlPercent);
        Assert.Null(rest.UnrealizedPnl);
        Assert.Equal(1.50m, rest.EntryPrice);
        Assert.Equal(position.EntryDate, rest.EntryDate);
        Assert.Same(position.Legs, rest.Legs);
        // The input is untouched.
        Assert.Equal(5, position.Quantity);
        Assert.Equal(0, position.ClosedQuantity);
        Assert.Equal(3.25m, position.Fees);
        Assert.Null(position.RealizedPnl);
    }

    [Fact]
    public void Reduce_ThenCloseTheRest_RealizesTheSumOverBothCloses()
    {
        var (rest, first) = FiveContracts().Reduce(2, TestExits.At(0.75m, closingFees: 1.30m, clientOrderId: "close-1-a"), Now);

        var result = rest.Close(TestExits.At(1.00m, closingFees: 1.95m, clientOrderId: "close-1-b"), Now);
        var (closed, second) = result;

        Assert.False(result.IsPartial);
        Assert.Equal(3, second.Quantity);
        // The remaining 1.95 of the opening fees plus 1.95 closing.
        Assert.Equal(3.90m, second.Fees);
        // (1.50 − 1.00) × 300 − 3.90
        Assert.Equal(146.10m, second.PnlRealized);
        // 146.10 / 450 × 100 = 32.466…
        Assert.Equal(32.47m, second.PnlPercent);
        Assert.Equal(174_000.00m, second.CollateralRequired);
        Assert.Equal(173_550.00m, second.MaxRisk);
        Assert.Equal(225.00m, second.TargetReturn);
        Assert.Equal("close-1-b", second.ClientOrderId);

        Assert.Equal(PositionStatus.Closed, closed.Status);
        Assert.Equal(293.50m, closed.RealizedPnl);
        Assert.Equal(first.PnlRealized + second.PnlRealized, closed.RealizedPnl);
        // 293.50 / (1.50 × 100 × 5 = 750) × 100
        Assert.Equal(39.13m, closed.PnlPercent);
        Assert.Equal(5, closed.Quantity + closed.ClosedQuantity);
        Assert.Equal(1.00m, closed.ExitPrice);
        Assert.Equal(TestDates.ClosedAt, closed.ExitDate);
        Assert.Equal(0m, closed.UnrealizedPnl);
        Assert.Equal(12, closed.DaysHeld);
        // Every cent of fees lands in exactly one trade row: 3.25 opening + 1.30 + 1.95 closing.
        Assert.Equal(6.50m, first.Fees + second.Fees);
    }

    [Fact]
    public void Close_NeverReduced_RealizesTheWholeRoundTripAsBefore()
    {
        var position = PositionBuilder.Csp("QQQ", 480m, 2.10m).WithQuantity(4).WithFees(2.60m).Build();

        var (closed, trade) = position.Close(TestExits.At(0.95m, closingFees: 2.60m), Now);

        // (2.10 − 0.95) × 100 × 4 − (2.60 + 2.60) = 454.80 of 840 max profit
        Assert.Equal(454.80m, closed.RealizedPnl);
        Assert.Equal(54.14m, closed.PnlPercent);
        Assert.Equal(5.20m, closed.Fees);
        Assert.Equal(4, closed.Quantity);
        Assert.Equal(0, closed.ClosedQuantity);
        Assert.Equal(PositionStatus.Closed, closed.Status);
        Assert.Equal(454.80m, trade.PnlRealized);
        Assert.Equal(54.14m, trade.PnlPercent);
        Assert.Equal(5.20m, trade.Fees);
        Assert.Equal(4, trade.Quantity);
        Assert.Equal(192_000.00m, trade.CollateralRequired);
        Assert.Equal(191_160.00m, trade.MaxRisk);
        Assert.Equal(420.00m, trade.TargetReturn);
        // The terms of a whole close are not rescaled.
        Assert.Equal(420.00m, closed.ProfitTarget);
        Assert.Equal(1_680.00m, closed.StopLoss);
        Assert.Equal(191_160.00m, closed.MaxLoss);
        Assert.Equal(192_000.00m, closed.Collateral);
    }

    [Fact]
    public void Reduce_AllContracts_IsExactlyClose()
    {
        var position = FiveContracts();
        var exit = TestExits.At(0.80m, closingFees: 2.15m, clientOrderId: "close-1-all");

        Assert.Equal(position.Close(exit, Now), position.Reduce(5, exit, Now));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(6)]
    public void Reduce_QuantityOutsideTheOpenQuantity_Refuses(int contracts)
    {
        var e = Assert.Throws<PositionRuleException>(() => FiveContracts().Reduce(contracts, TestExits.At(0.75m), Now));

        Assert.Equal($"closing quantity {contracts} is outside 1..5 (the open quantity).", Assert.Single(e.Problems));
    }

    [Fact]
    public void Reduce_AfterAPartialClose_OnlyTheRestCanClose()
    {
        var (rest, _) = FiveContracts().Reduce(2, TestExits.At(0.75m), Now);

        var e = Assert.Throws<PositionRuleException>(() => rest.Reduce(4, TestExits.At(0.75m), Now));

        Assert.Equal("closing quantity 4 is outside 1..3 (the open quantity).", Assert.Single(e.Problems));
    }

    [Fact]
    public void Reduce_WhenClosed_Refuses()
    {
        var (closed, _) = FiveContracts().Close(TestExits.At(0.75m), Now);

        var e = Assert.Throws<PositionNotOpenException>(() => closed.Reduce(1, TestExits.At(0.50m), Now));

        Assert.Equal(PositionStatus.Closed, e.Status);
    }

    [Fact]
    public void Reduce_NotOpenIsCheckedBeforeTheQuantity()
    {
        var position = FiveContracts() with { Status = PositionStatus.Expired };

        var e = Assert.Throws<PositionNotOpenException>(() => position.Reduce(0, TestExits.At(0.75m), Now));

        Assert.Equal(PositionStatus.Expired, e.Status);
    }

    [Fact]
    public void Reduce_ListsTheQuantityWithTheOtherProblems()
    {
        var e = Assert.Throws<PositionRuleException>(() => FiveContracts().Reduce(9, TestExits.At(-0.01m), Now));

        Assert.Equal(2, e.Problems.Count);
        Assert.Contains("closing quantity 9", e.Problems[0], StringComparison.Ordinal);
        Assert.Contains("exit price must not be negative", e.Problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Reduce_UnevenFeeShares_KeepTheTotalExact()
    {
        // 1.00 of opening fees over 3 contracts: 0.33 to the first, round(0.67 / 2) = 0.34 to the second, 0.33 left.
        var position = PositionBuilder.Csp("SPY", 580m, 1.50m).WithQuantity(3).WithFees(1.00m).Build();

        var (afterOne, t1) = position.Reduce(1, TestExits.At(0.50m, closingFees: 0.40m), Now);
        Assert.Equal(0.73m, t1.Fees);
        Assert.Equal(0.67m, afterOne.Fees);
        Assert.Equal(99.27m, t1.PnlRealized);

        var (afterTwo, t2) = afterOne.Reduce(1, TestExits.At(0.60m, closingFees: 0.40m), Now);
        Assert.Equal(0.74m, t2.Fees);
        Assert.Equal(0.33m, afterTwo.Fees);
        Assert.Equal(89.26m, t2.PnlRealized);
        Assert.Equal(188.53m, afterTwo.RealizedPnl);

        var (closed, t3) = afterTwo.Close(TestExits.At(0.70m, closingFees: 0.40m), Now);
        Assert.Equal(0.73m, t3.Fees);
        Assert.Equal(79.27m, t3.PnlRealized);

        // 1.00 opening + 3 × 0.40 closing
        Assert.Equal(2.20m, t1.Fees + t2.Fees + t3.Fees);
        // (1.50 × 3 − (0.50 + 0.60 + 0.70)) × 100 − 2.20
        Assert.Equal(267.80m, closed.RealizedPnl);
        Assert.Equal(59.51m, closed.PnlPercent);
        Assert.Equal(PositionStatus.Closed, closed.Status);
    }

    [Fact]
    public void Reduce_StopShareRoundsToTheCent_TheRemainderStays()
    {
        var position = PositionBuilder.Csp().WithQuantity(3).Build() with { StopLoss = 100m };

        var (afterOne, _) = position.Reduce(1, TestExits.At(0.75m), Now);
        var (afterTwo, _) = afterOne.Reduce(1, TestExits.At(0.75m), Now);

        Assert.Equal(66.67m, afterOne.StopLoss);
        Assert.Equal(33.33m, afterTwo.StopLoss);
    }

    [Fact]
    public void Reduce_WithAMark_RestatesTheUnrealizedPnlOfTheRest()
    {
        var position = FiveContracts() with { MarkPrice = 0.90m, UnrealizedPnl = 296.75m };

        var (rest, _) = position.Reduce(2, TestExits.At(0.75m, closingFees: 1.30m), Now);

        // (1.50 − 0.90) × 100 × 3 − 1.95 (the opening fees left)
        Assert.Equal(178.05m, rest.UnrealizedPnl);
        Assert.Equal(0.90m, rest.MarkPrice);
    }

    [Fact]
    public void Reduce_AtALoss_TradeIsALoss_RealizedIsNegative()
    {
        var (rest, trade) = FiveContracts().Reduce(2, TestExits.At(2.00m, ExitReason.StopLoss, closingFees: 1.30m), Now);

        // (1.50 − 2.00) × 200 − 2.60
        Assert.Equal(-102.60m, trade.PnlRealized);
        Assert.Equal(-34.20m, trade.PnlPercent);
        Assert.Equal(TradeOutcome.Loss, trade.WinLoss);
        Assert.Equal(-102.60m, rest.RealizedPnl);
        Assert.Equal(PositionStatus.Open, rest.Status);
    }

    [Fact]
    public void Reduce_Vpc_ScalesMaxLossCollateralStopAndTarget()
    {
        // 580/575 at 1.50, 4 contracts: max loss 3.50 × 400 = 1,400, collateral 2,000, stop 2 × 600 = 1,200, target 300.
        var position = PositionBuilder.Vpc("SPY", 580m, 575m, 1.50m).WithQuantity(4).Build();

        var (rest, trade) = position.Reduce(1, TestExits.At(0.50m), Now);

        Assert.Equal(350.00m, trade.MaxRisk);
        Assert.Equal(500.00m, trade.CollateralRequired);
        Assert.Equal(75.00m, trade.TargetReturn);
        Assert.Equal(100.00m, trade.PnlRealized);
        Assert.Equal(1_050.00m, rest.MaxLoss);
        Assert.Equal(1_500.00m, rest.Collateral);
        Assert.Equal(900.00m, rest.StopLoss);
        Assert.Equal(225.00m, rest.ProfitTarget);
        Assert.Equal(3, rest.Quantity);
    }

    // Any sequence of partial closes until flat: the trade rows add up to the position's realized P&L, which is the
    // credit-strategy formula over all closes with every fee counted once, and the closed quantities to the original.
    [Fact]
    public void AnySequenceOfReductions_AddsUpExactly()
    {
        var random = new Random(Seed);
        for (var c = 0; c < Cases; c++)
        {
            var quantity = random.Next(1, 21);
            var credit = random.Next(1, 100_001) / 10_000m;
            var openingFees = random.Next(0, 2_001) / 100m;
            var position = PositionBuilder.Csp("SPY", 580m, credit).WithId(c + 1).WithQuantity(quantity).WithFees(openingFees).Build();

            var expected = 0m;
            var closingFees = 0m;
            var tradeFees = 0m;
            var tradePnl = 0m;
            var closedContracts = 0;
            var closes = 0;
            while (position.Status == PositionStatus.Open)
            {
                var contracts = random.Next(1, position.Quantity + 1);
                var price = random.Next(0, 200_001) / 10_000m;
                var fee = random.Next(0, 1_000) / 100m;
                var (next, trade) = position.Reduce(contracts, TestExits.At(price, closingFees: fee, clientOrderId: $"close-{c}-{closes}"), Now);

                Assert.Equal(contracts, trade.Quantity);
                Assert.Equal($"close-{c}-{closes}", trade.ClientOrderId);
                Assert.Equal(contracts == position.Quantity, next.Status == PositionStatus.Closed);
                if (next.Status == PositionStatus.Open)
                {
                    Assert.Equal(position.Quantity - contracts, next.Quantity);
                    Assert.Equal(closedContracts + contracts, next.ClosedQuantity);
                    Assert.InRange(next.Fees, 0m, position.Fees);
                }

                expected += (credit - price) * 100m * contracts;
                closingFees += fee;
                tradeFees += trade.Fees;
                tradePnl += trade.PnlRealized;
                closedContracts += contracts;
                closes++;
                position = next;
                Assert.Equal(tradePnl, position.RealizedPnl);
            }

            expected -= openingFees + closingFees;
            Assert.Equal(quantity, closedContracts);
            Assert.Equal(openingFees + closingFees, tradeFees);
            Assert.Equal(tradePnl, position.RealizedPnl);
            Assert.Equal(expected, position.RealizedPnl);
            Assert.Equal(quantity, position.Quantity + position.ClosedQuantity);
        }
    }
}
