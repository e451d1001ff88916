using OptionsAutomation.Core.Backtest;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Proposals.Sizing;
using OptionsAutomation.Core.Proposals.Sizing.Ml;
using static OptionsAutomation.Core.Tests.Proposals.Sizing.Ml.MlCases;
using static OptionsAutomation.Core.Tests.Proposals.Sizing.SizingCases;

namespace OptionsAutomation.Core.Tests.Proposals.Sizing.Ml;

public sealed class MlTrainingRowTests
{
    /// <summary>An ml sizing that fell back: it still stored the features.</summary>
    private static readonly PositionSizingResult Sized = MlSizing.Size(Request(), Features(), null, AsOf, new SizingSettings(), Rules);

    [Fact]
    public void ALiveTrade_IsLabelledByItsNetPnlOverWhatItCommitted()
    {
        // A VPC that risked 760 (2 × 380) and made 110 after fees: 110 / 760 = 0.144737.
        var row = MlTrainingRow.FromHistory(Trade(StrategyType.VerticalPutCredit, pnl: 110m, collateral: 1_000m, maxRisk: 760m), Sized);

        Assert.NotNull(row);
        Assert.Equal(110.0 / 760.0, row.ReturnOnRisk, 12);
        Assert.Equal(Features().Values, row.Features);
        Assert.Equal((new DateOnly(2026, 2, 18), new DateOnly(2026, 3, 6)), (row.EntryDate, row.ExitDate));
        // A CSP is measured on its collateral: −500 / 47,500.
        Assert.Equal(-500.0 / 47_500.0, MlTrainingRow.FromHistory(Trade(StrategyType.CashSecuredPut, -500m, 47_500m, 47_380m), Sized)!.ReturnOnRisk, 12);
    }

    [Fact]
    public void ATradeWhoseProposalKeptNoFeatures_IsNoRow()
    {
        var fixedSizing = FixedSizing.Size(Request(), new SizingSettings(), Rules);

        Assert.Null(MlTrainingRow.FromHistory(Trade(StrategyType.VerticalPutCredit, 110m, 1_000m, 760m), fixedSizing));
        Assert.Null(MlTrainingRow.FromHistory(Trade(StrategyType.VerticalPutCredit, 110m, 1_000m, 760m), null));
    }

    [Fact]
    public void ABacktestTrade_IsMeasuredAsTheBookMeasuredItsPosition()
    {
        // 475/470 filled at 1.10 × 3: max loss (5 − 1.10) × 100 × 3 = 1,170; P&L 150 → 0.128205.
        var trade = new BacktestTrade(1, "req-1", "SPY", StrategyType.VerticalPutCredit, new DateOnly(2026, 2, 18), new DateOnly(2026, 3, 6),
            Expiration, 475m, 470m, 3, 1.10m, 0.60m, ExitReason.ProfitTarget, 3.90m, 150m, 16);

        var row = MlTrainingRow.FromBacktest(trade, Sized, Rules);

        Assert.Equal(150.0 / 1_170.0, row!.ReturnOnRisk, 12);
    }

    private static TradeRecord Trade(StrategyType type, decimal pnl, decimal collateral, decimal maxRisk) => new()
    {
        RequestId = "req-1",
        PositionId = 1,
        Ticker = "SPY",
        StrategyType = type,
        EntryDate = new DateTimeOffset(2026, 2, 18, 20, 55, 0, TimeSpan.Zero),
        EntryPrice = 1.20m,
        Quantity = 2,
        ExitDate = new DateTimeOffset(2026, 3, 6, 19, 0, 0, TimeSpan.Zero),
        ExitPrice = 0.60m,
        PnlRealized = pnl,
        PnlPercent = 0m,
        WinLoss = pnl > 0m ? TradeOutcome.Win : TradeOutcome.Loss,
        CollateralRequired = collateral,
        MaxRisk = maxRisk,
        TargetReturn = 0m,
        Status = PositionStatus.Closed,
        ExecutedBy = ExecutedBy.Auto,
        ExitReason = ExitReason.ProfitTarget,
        Fees = 2.60m,
        CreatedAt = new DateTimeOffset(2026, 2, 18, 20, 55, 0, TimeSpan.Zero),
        ClosedAt = new DateTimeOffset(2026, 3, 6, 19, 0, 0, TimeSpan.Zero),
    };
}
