using System.Globalization;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Tests.Analytics;

/// <summary>
/// trade_history rows for the analytics tests. Only what the statistics read is meaningful: ticker, strategy, entry
/// and close instants, P&amp;L (WIN above zero), collateral and exit reason; prices are placeholders.
/// </summary>
internal static class ClosedTrades
{
    /// <summary>Five round trips, closed W W L L W, entered at 10:00 and closed at 14:00 New York time.</summary>
    public static IReadOnlyList<TradeRecord> FiveTrades { get; } =
    [
        Trade(1, "SPY", StrategyType.CashSecuredPut, "2026-02-02", "2026-02-09", 75.00m, 58_000m, ExitReason.ProfitTarget),
        Trade(2, "QQQ", StrategyType.VerticalPutCredit, "2026-02-03", "2026-02-10", 50.00m, 500m, ExitReason.ProfitTarget),
        Trade(3, "SPY", StrategyType.CashSecuredPut, "2026-02-04", "2026-02-17", -300.00m, 57_000m, ExitReason.StopLoss),
        Trade(4, "IWM", StrategyType.CashSecuredPut, "2026-02-20", "2026-03-02", 0.00m, 22_000m, ExitReason.Manual),
        Trade(5, "SPY", StrategyType.VerticalPutCredit, "2026-03-02", "2026-03-03", 120.00m, 500m, ExitReason.DaysToExpiry),
    ];

    public static TradeRecord Trade(
        long id, string ticker, StrategyType strategy, string entryDate, string closeDate, decimal pnl, decimal collateral, ExitReason reason)
    {
        var entered = NewYork(entryDate, 10);
        var closed = NewYork(closeDate, 14);
        return new TradeRecord
        {
            TradeId = id,
            RequestId = $"req-{id}",
            PositionId = id,
            Ticker = ticker,
            StrategyType = strategy,
            EntryDate = entered,
            EntryPrice = 1.50m,
            Quantity = 1,
            ExitDate = closed,
            ExitPrice = 0.75m,
            PnlRealized = pnl,
            PnlPercent = 0m,
            WinLoss = pnl > 0 ? TradeOutcome.Win : TradeOutcome.Loss,
            CollateralRequired = collateral,
            MaxRisk = collateral,
            TargetReturn = 75m,
            Status = PositionStatus.Closed,
            ExecutedBy = ExecutedBy.Manual,
            ExitReason = reason,
            Fees = 0m,
            CreatedAt = closed,
            ClosedAt = closed,
        };
    }

    /// <summary>An hour on a winter New York date (EST, UTC−5).</summary>
    private static DateTimeOffset NewYork(string date, int hour) =>
        new(DateOnly.Parse(date, CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(-5));
}
