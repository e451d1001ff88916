using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Tests.Support;

namespace OptionsAutomation.Core.Tests;

/// <summary>A whole book of trades opened and closed; pins every P&amp;L figure and the totals.</summary>
public sealed class GoldenScenarioTests
{
    private static readonly DateTimeOffset Now = TestDates.Utc(2026, 3, 20, 22);

    private sealed record Step(PositionBuilder Open, decimal ExitPrice, ExitReason Reason, DateTimeOffset ClosedAt);

    private static IReadOnlyList<ClosedPosition> Run()
    {
        Step[] steps =
        [
            // 1. The worked example: SPY CSP at 1.50, bought back at 0.75.
            new(PositionBuilder.Csp("SPY", 580m, 1.50m).WithId(1).WithRequestId("g-1"),
                0.75m, ExitReason.ProfitTarget, TestDates.Utc(2026, 3, 2, 15)),
            // 2. QQQ CSP x2 at 2.10, stopped out at 6.30 (loss = 2 x credit), fees 1.30.
            new(PositionBuilder.Csp("QQQ", 480m, 2.10m).WithQuantity(2).WithFees(1.30m).WithId(2).WithRequestId("g-2"),
                6.30m, ExitReason.StopLoss, TestDates.Utc(2026, 3, 2, 19)),
            // 3. IWM VPC 200/195 x3 at 1.25, closed at 21 DTE for 0.60, fees 1.95.
            new(PositionBuilder.Vpc("IWM", 200m, 195m, 1.25m).WithQuantity(3).WithFees(1.95m).WithId(3).WithRequestId("g-3")
                    .WithExpiration(new DateOnly(2026, 3, 27)),
                0.60m, ExitReason.DaysToExpiry, TestDates.Utc(2026, 3, 6, 15)),
            // 4. AAPL CSP at 0.80 expires worthless, fees 0.65.
            new(PositionBuilder.Csp("AAPL", 200m, 0.80m).WithFees(0.65m).WithId(4).WithRequestId("g-4"),
                0m, ExitReason.Expired, TestDates.Utc(2026, 3, 20, 21)),
            // 5. SPY VPC 600/590 at 2.00 closed manually for what it brought in: break-even, a LOSS.
            new(PositionBuilder.Vpc("SPY", 600m, 590m, 2.00m).WithId(5).WithRequestId("g-5"),
                2.00m, ExitReason.Manual, TestDates.Utc(2026, 3, 3, 1, 30)),
            // 6. MSFT CSP at 3.00 assigned with 5.00 intrinsic, fees 0.65.
            new(PositionBuilder.Csp("MSFT", 400m, 3.00m).WithFees(0.65m).WithId(6).WithRequestId("g-6"),
                5.00m, ExitReason.Assigned, TestDates.Utc(2026, 3, 20, 21)),
        ];

        return
        [
            .. steps.Select(s => s.Open.Build(Now).Close(
                new PositionExit(s.ExitPrice, s.Reason, s.ClosedAt, ExecutedBy.Auto, "golden"), Now)),
        ];
    }

    [Fact]
    public void Scenario_PinsEveryTrade()
    {
        var trades = Run().Select(c => c.Trade).ToList();

        Assert.Equal([75.00m, -841.30m, 193.05m, 79.35m, 0m, -200.65m], trades.Select(t => t.PnlRealized));
        Assert.Equal([50.00m, -200.31m, 51.48m, 99.19m, 0m, -66.88m], trades.Select(t => t.PnlPercent));
        Assert.Equal(
            [TradeOutcome.Win, TradeOutcome.Loss, TradeOutcome.Win, TradeOutcome.Win, TradeOutcome.Loss, TradeOutcome.Loss],
            trades.Select(t => t.WinLoss));
        Assert.Equal(
            [PositionStatus.Closed, PositionStatus.Closed, PositionStatus.Closed, PositionStatus.Expired, PositionStatus.Closed, PositionStatus.Assigned],
            trades.Select(t => t.Status));
        Assert.Equal([75.00m, 210.00m, 187.50m, 40.00m, 100.00m, 150.00m], trades.Select(t => t.TargetReturn));
        Assert.Equal([57_850.00m, 95_580.00m, 1_125.00m, 19_920.00m, 800.00m, 39_700.00m], trades.Select(t => t.MaxRisk));
        Assert.Equal([58_000.00m, 96_000.00m, 1_500.00m, 20_000.00m, 1_000.00m, 40_000.00m], trades.Select(t => t.CollateralRequired));
    }

    [Fact]
    public void Scenario_PinsStopsAndDaysHeld()
    {
        var positions = Run().Select(c => c.Position).ToList();

        Assert.Equal([300.00m, 840.00m, 750.00m, 160.00m, 400.00m, 600.00m], positions.Select(p => p.StopLoss));
        Assert.Equal([10, 10, 14, 28, 10, 28], positions.Select(p => p.DaysHeld));
    }

    [Fact]
    public void Scenario_PinsTotals()
    {
        var trades = Run().Select(c => c.Trade).ToList();

        Assert.Equal(-694.55m, trades.Sum(t => t.PnlRealized));
        Assert.Equal(3, trades.Count(t => t.WinLoss == TradeOutcome.Win));
        Assert.Equal(3, trades.Count(t => t.WinLoss == TradeOutcome.Loss));
        Assert.Equal(4.55m, trades.Sum(t => t.Fees));
    }

    [Fact]
    public void Scenario_DailyPnlGroupsByNewYorkCloseDate()
    {
        var byDay = Run()
            .Select(c => c.Trade)
            .GroupBy(t => MarketTime.DateOf(t.ClosedAt))
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, Count: g.Count(), Total: g.Sum(t => t.PnlRealized)))
            .ToList();

        // Trade 5 closed at 2026-03-03T01:30Z, which is still March 2 in New York.
        Assert.Equal(
            [
                (new DateOnly(2026, 3, 2), 3, -766.30m),
                (new DateOnly(2026, 3, 6), 1, 193.05m),
                (new DateOnly(2026, 3, 20), 2, -121.30m),
            ],
            byDay);
    }
}
