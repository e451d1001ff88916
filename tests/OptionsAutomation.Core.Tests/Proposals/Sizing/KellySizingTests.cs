using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Proposals.Sizing;
using static OptionsAutomation.Core.Tests.Proposals.Sizing.SizingCases;

namespace OptionsAutomation.Core.Tests.Proposals.Sizing;

public sealed class KellySizingTests
{
    // 40 VPCs that each risked 400: 32 won 100 (+0.25 of the risk), 8 lost 300 (−0.75).
    private static readonly IReadOnlyList<TradeRecord> Record =
        [.. Enumerable.Range(0, 32).Select(_ => Trade(100m)), .. Enumerable.Range(0, 8).Select(_ => Trade(-300m))];

    [Fact]
    public void Estimate_IsTheWinRateAndAverageReturnsOnRiskOfTheStrategy()
    {
        // A CSP's record is another strategy's and is left out.
        var estimate = KellyEstimate.From([.. Record, Trade(-5_000m, StrategyType.CashSecuredPut)], StrategyType.VerticalPutCredit);

        Assert.Equal(new KellyEstimate(40, 32, 0.8m, 0.25m, 0.75m), estimate);
    }

    [Fact]
    public void Kelly_ShrinksTheRawFractionBySampleSize_ThenTakesAQuarter()
    {
        var result = KellySizing.Size(Request(), KellyEstimate.From(Record, StrategyType.VerticalPutCredit),
            new SizingSettings { RiskPerTradePct = 5m }, Rules);

        // f = p/L − q/W = 0.8/0.75 − 0.2/0.25 = 1.066667 − 0.8 = 0.266667
        // Var f = (1/L + 1/W)² · p·q/n = (1.333333 + 4)² · 0.16/40 = 28.444444 · 0.004 = 0.113778
        // k = f²/(f² + Var f) = 0.071111/(0.071111 + 0.113778) = 0.384616
        // used = 0.266667 · 0.384616 · 0.25 = 0.025641 → 100,000 · 0.025641 = 2,564.10 (below the 5% cap of 5,000)
        // 2,564.10 / 380 = 6.75 → 6 contracts.
        Assert.Equal(0.266667m, result.Value("kelly_raw"));
        Assert.Equal(0.113778m, result.Value("kelly_variance"));
        Assert.Equal(0.384616m, result.Value("shrinkage"));
        Assert.Equal(0.025641m, result.Value("kelly_used"));
        Assert.Equal(2_564.1m, result.Value("budget"));
        Assert.Equal((6, "kelly_budget"), (result.Contracts, result.BindingLimit));
    }

    [Fact]
    public void Kelly_NeverAboveTheFixedCap()
    {
        // The same 2,564.10 against the default 2% cap of 2,000: the cap binds, 2,000 / 380 → 5 (what fixed gives).
        var result = KellySizing.Size(Request(), KellyEstimate.From(Record, StrategyType.VerticalPutCredit), new SizingSettings(), Rules);

        Assert.Equal((5, "fixed_cap"), (result.Contracts, result.BindingLimit));
    }

    [Fact]
    public void Kelly_WithoutAnEdge_SizesNothing()
    {
        // 20 wins of +0.25 and 20 losses of −0.75: f = 0.5/0.75 − 0.5/0.25 = −1.333333 → 0.
        IReadOnlyList<TradeRecord> losing = [.. Enumerable.Range(0, 20).Select(_ => Trade(100m)), .. Enumerable.Range(0, 20).Select(_ => Trade(-300m))];

        var result = KellySizing.Size(Request(), KellyEstimate.From(losing, StrategyType.VerticalPutCredit), new SizingSettings(), Rules);

        Assert.Equal((0, "kelly_budget", 0m), (result.Contracts, result.BindingLimit, result.Value("kelly_used")));
    }

    [Fact]
    public void Kelly_BelowTheMinimumTrades_FallsBackToFixed_AndSaysSo()
    {
        var result = KellySizing.Size(Request(), KellyEstimate.From(Record.Take(29), StrategyType.VerticalPutCredit), new SizingSettings(), Rules);

        Assert.Equal(FixedSizing.Size(Request(), new SizingSettings(), Rules).Steps, result.Steps);
        Assert.Equal(new SizingFallback("kelly", "29 closed trade(s) of this strategy, fewer than KellyMinTrades 30"), result.Fallback);
        Assert.Equal("kelly → fixed: 5 contract(s), bound by trade_budget (29 closed trade(s) of this strategy, fewer than KellyMinTrades 30)", result.Summary());
    }

    [Fact]
    public void Kelly_WithoutALoss_FallsBackToFixed()
    {
        var result = KellySizing.Size(Request(), KellyEstimate.From(Record.Take(32), StrategyType.VerticalPutCredit), new SizingSettings(), Rules);

        Assert.Equal("no losing trade in the record: the average loss is unknown", result.Fallback!.Reason);
    }

    private static TradeRecord Trade(decimal pnl, StrategyType strategy = StrategyType.VerticalPutCredit)
    {
        var at = new DateTimeOffset(2026, 1, 5, 15, 0, 0, TimeSpan.Zero);
        return new TradeRecord
        {
            RequestId = "r", PositionId = 1, Ticker = "SPY", StrategyType = strategy, EntryDate = at, EntryPrice = 1m, Quantity = 1,
            ExitDate = at, ExitPrice = 0m, PnlRealized = pnl, PnlPercent = 0m, WinLoss = pnl > 0m ? TradeOutcome.Win : TradeOutcome.Loss,
            CollateralRequired = strategy == StrategyType.CashSecuredPut ? 40_000m : 500m, MaxRisk = 400m, TargetReturn = 50m,
            Status = PositionStatus.Closed, ExecutedBy = ExecutedBy.Manual, ExitReason = ExitReason.ProfitTarget, Fees = 0m, CreatedAt = at, ClosedAt = at,
        };
    }
}
