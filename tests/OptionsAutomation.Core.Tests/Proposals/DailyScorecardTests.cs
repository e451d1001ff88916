using OptionsAutomation.Core;
using OptionsAutomation.Core.Analytics;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Trading;

namespace OptionsAutomation.Core.Tests.Proposals;

/// <summary>The after-close message: the day's trades and P&amp;L, the open risk, the win rate to date.</summary>
public sealed class DailyScorecardTests
{
    private static readonly DateOnly Day = new(2026, 3, 11);

    [Fact]
    public void ADayWithTrades_SumsThemAndTheOpenRisk()
    {
        // Eight earlier trades, seven of them wins, then today's win and loss: 8 wins of 10, +$1,034.56 in all.
        IReadOnlyList<TradeRecord> earlier = [.. Enumerable.Range(1, 7).Select(i => Trade(100 + i, 200m, ExitReason.ProfitTarget, Day.AddDays(-i))), Trade(99, -126.44m, ExitReason.StopLoss, Day.AddDays(-9))];
        var scorecard = DailyScorecard.Of(Day, [.. earlier, Trade(5, 75.00m, ExitReason.ProfitTarget), Trade(6, -314.00m, ExitReason.StopLoss)],
            [Open(7, 500m, 39_000m, 42.50m), Open(8, 450m, 450m, null)], new DailyEquityCurve(null, 0m, []));

        var alert = scorecard.ToAlert();

        Assert.Equal(-239.00m, scorecard.RealizedPnl);
        Assert.Equal([5L, 6L], scorecard.ClosedToday.Select(t => t.PositionId));
        Assert.Equal(("scorecard:2026-03-11", "scorecard"), (alert.DedupKey, alert.Kind));
        Assert.Equal(
            "Scorecard 2026-03-11: 2 trade(s) closed, realized -$239.00\n" +
            "  #5 SPY CSP profit_target +$75.00\n" +
            "  #6 SPY CSP stop_loss -$314.00\n" +
            "Open: 2 position(s), max loss $950.00, collateral $39,450.00, unrealized +$42.50 (1 unmarked)\n" +
            "Win rate to date: 80% of 10 trade(s), total +$1,034.56",
            alert.Text);
    }

    [Fact]
    public void TradesAfterTheDay_AreNotInItsWinRate_NorAmongItsTrades()
    {
        var scorecard = DailyScorecard.Of(Day, [Trade(1, -50m, ExitReason.StopLoss, Day.AddDays(-1))], [], new DailyEquityCurve(null, 0m, []));

        Assert.Empty(scorecard.ClosedToday);
        Assert.Equal((1, 0m, -50m), (scorecard.ToDate.Trades, scorecard.ToDate.WinRate, scorecard.ToDate.TotalPnl));
    }

    [Fact]
    public void OpenAtAPastClose_TakesThePositionsEnteredByThenAndNotYetClosed_Unmarked()
    {
        var close = new DateTimeOffset(2026, 3, 11, 20, 0, 0, TimeSpan.Zero);
        Position[] positions =
        [
            Open(1, 500m, 500m, 12m) with { EntryDate = close.AddDays(-3) },                                   // open then and now
            Open(2, 500m, 500m, null) with { EntryDate = close.AddDays(-3), ExitDate = close.AddDays(1) },       // closed later
            Open(3, 500m, 500m, null) with { EntryDate = close.AddDays(-3), ExitDate = close.AddHours(-1) },     // closed before the close
            Open(4, 500m, 500m, 5m) with { EntryDate = close.AddMinutes(1) },                                   // opened after it
        ];

        var open = DailyScorecard.OpenAt(positions, close);

        Assert.Equal([1L, 2L], open.Select(p => p.PositionId));
        Assert.All(open, p => Assert.Null(p.UnrealizedPnl));
    }

    [Fact]
    public void AQuietDay_SaysSo()
    {
        var alert = DailyScorecard.Of(Day, [], [], new DailyEquityCurve(null, 0m, [])).ToAlert();

        Assert.Equal(
            "Scorecard 2026-03-11: 0 trade(s) closed, realized $0.00\n" +
            "Open: 0 position(s), max loss $0.00, collateral $0.00, unrealized $0.00\n" +
            "Win rate to date: no closed trades yet",
            alert.Text);
    }

    private static TradeRecord Trade(long positionId, decimal pnl, ExitReason reason, DateOnly? closed = null) => new()
    {
        RequestId = $"r{positionId}",
        PositionId = positionId,
        Ticker = "SPY",
        StrategyType = StrategyType.CashSecuredPut,
        EntryDate = Day.ToDateTime(TimeOnly.MinValue).ToUniversalTime(),
        EntryPrice = 1.50m,
        Quantity = 1,
        ExitDate = Day.ToDateTime(new TimeOnly(15, 0)).ToUniversalTime(),
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
        ClosedAt = new DateTimeOffset((closed ?? Day).ToDateTime(new TimeOnly(19, 0)), TimeSpan.Zero),
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
