using OptionsAutomation.Core;
using OptionsAutomation.Core.Analytics;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Trading;

namespace OptionsAutomation.Integration.Tests.Scorecard;

/// <summary>A fixed scorecard (Wednesday 2026-03-11): two trades closed that day, eight before, two positions open.</summary>
public static class ScorecardSample
{
    public static readonly DateOnly Day = new(2026, 3, 11);

    public static DailyScorecard Build()
    {
        IReadOnlyList<TradeRecord> trades =
        [
            .. Enumerable.Range(1, 7).Select(i => Trade(100 + i, 120m + (i * 10m), ExitReason.ProfitTarget, Day.AddDays(-2 * i))),
            Trade(99, -180.25m, ExitReason.StopLoss, Day.AddDays(-3)),
            Trade(5, 75.00m, ExitReason.ProfitTarget, Day),
            Trade(6, -314.00m, ExitReason.StopLoss, Day),
        ];
        Position[] open = [Open(7, 500m, 39_000m, 42.50m), Open(8, 450m, 450m, null)];
        var calendar = new NyseCalendar();
        return DailyScorecard.Of(Day, trades, open, DailyEquityCurve.Of(100_000m, trades, Day.AddDays(-42), Day, calendar));
    }

    private static TradeRecord Trade(long positionId, decimal pnl, ExitReason reason, DateOnly closed) => new()
    {
        RequestId = $"r{positionId}",
        PositionId = positionId,
        Ticker = positionId % 2 == 0 ? "QQQ" : "SPY",
        StrategyType = positionId % 3 == 0 ? StrategyType.VerticalPutCredit : StrategyType.CashSecuredPut,
        EntryDate = new DateTimeOffset(closed.AddDays(-10).ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero),
        EntryPrice = 1.50m,
        Quantity = 1,
        ExitDate = new DateTimeOffset(closed.ToDateTime(new TimeOnly(19, 0)), TimeSpan.Zero),
        ExitPrice = 0.75m,
        PnlRealized = pnl,
        PnlPercent = 0m,
        WinLoss = pnl > 0 ? TradeOutcome.Win : TradeOutcome.Loss,
        CollateralRequired = 0m,
        MaxRisk = 0m,
        TargetReturn = 0m,
        Status = PositionStatus.Closed,
        ExecutedBy = ExecutedBy.Auto,
        ExitReason = reason,
        Fees = 0m,
        CreatedAt = DateTimeOffset.UnixEpoch,
        ClosedAt = new DateTimeOffset(closed.ToDateTime(new TimeOnly(19, 0)), TimeSpan.Zero),
    };

    private static Position Open(long positionId, decimal maxLoss, decimal collateral, decimal? unrealized) => new()
    {
        PositionId = positionId,
        RequestId = $"r{positionId}",
        Ticker = "SPY",
        StrategyType = StrategyType.CashSecuredPut,
        Status = PositionStatus.Open,
        EntryDate = DateTimeOffset.UnixEpoch,
        EntryPrice = 1.50m,
        Quantity = 1,
        StopLoss = 4.5m,
        ProfitTarget = 0.75m,
        Legs = ValueList<OptionLeg>.Empty,
        LastUpdated = DateTimeOffset.UnixEpoch,
        Multiplier = 100,
        Fees = 0m,
        MaxLoss = maxLoss,
        Collateral = collateral,
        UnrealizedPnl = unrealized,
    };
}
