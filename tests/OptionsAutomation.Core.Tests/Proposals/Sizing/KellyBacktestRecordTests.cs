using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Proposals.Sizing;
using static OptionsAutomation.Core.Tests.Proposals.Sizing.SizingCases;

namespace OptionsAutomation.Core.Tests.Proposals.Sizing;

/// <summary><c>kelly</c> on a backtest's record while the live one is short (the worked example of KellySizingTests, from a backtest).</summary>
public sealed class KellyBacktestRecordTests
{
    private static readonly DateOnly Today = new(2026, 1, 5);

    private static readonly KellyEstimate ShortLive = new(10, 8, 0.8m, 0.25m, 0.75m);

    private static readonly SizingSettings FivePercent = new() { RiskPerTradePct = 5m };

    [Fact]
    public void ShortLiveHistory_SizesOnTheBacktestRecord_AndSaysSo()
    {
        // 40 VPCs risking 400 closed before today: 32 won 100, 8 lost 300 → p 0.8, W 0.25, L 0.75, the worked example:
        // f 0.266667, Var f 0.113778, k 0.384616, used 0.025641 → 2,564.10 / 380 → 6 contracts. A CSP of the record is another strategy's.
        var record = Record([.. Wins(32, Today.AddDays(-1)), .. Losses(8, Today.AddDays(-3)), new(StrategyType.CashSecuredPut, Today.AddDays(-2), -5_000m, 40_000m)]);

        var result = KellySizing.Size(Request(), ShortLive, record, Today, FivePercent, Rules);

        Assert.Null(result.Fallback);
        Assert.Equal((40m, 0.8m, 0.025641m), (result.Value("trades"), result.Value("win_rate"), result.Value("kelly_used")));
        Assert.Equal((6, "kelly_budget"), (result.Contracts, result.BindingLimit));
        Assert.Equal("live history has 10 closed trade(s) of this strategy, fewer than KellyMinTrades 30: sized on the backtest record trades.csv (41 rows): 40 trade(s) of this strategy closed before 2026-01-05", result.Record);
        Assert.Equal("kelly: 6 contract(s), bound by kelly_budget, on a backtest record", result.Summary());
    }

    [Fact]
    public void TradesClosingOnOrAfterTheProposalsDay_AreNotRead()
    {
        // 40 trades, but 11 close today or later: 29 before today, fewer than 30 — fixed, saying both counts.
        var record = Record([.. Wins(21, Today.AddDays(-1)), .. Losses(8, Today.AddDays(-1)), .. Wins(10, Today), .. Wins(1, Today.AddDays(30))]);

        var result = KellySizing.Size(Request(), ShortLive, record, Today, FivePercent, Rules);

        Assert.Equal(FixedSizing.Size(Request(), FivePercent, Rules).Steps, result.Steps);
        Assert.Equal(new SizingFallback("kelly",
            "10 closed trade(s) of this strategy, fewer than KellyMinTrades 30; the backtest record trades.csv (41 rows): 29 trade(s) of this strategy closed before 2026-01-05, fewer too"), result.Fallback);
        Assert.Null(result.Record);
    }

    [Fact]
    public void LongEnoughLiveHistory_IgnoresTheBacktestRecord()
    {
        var live = new KellyEstimate(30, 24, 0.8m, 0.25m, 0.75m);
        var record = Record([.. Losses(40, Today.AddDays(-1))]);

        var result = KellySizing.Size(Request(), live, record, Today, FivePercent, Rules);

        Assert.Equal(KellySizing.Size(Request(), live, FivePercent, Rules), result);
        Assert.Null(result.Record);
    }

    private static KellyBacktestRecord Record(IEnumerable<KellyBacktestRecord.Trade> trades) => new("trades.csv (41 rows)", new ValueList<KellyBacktestRecord.Trade>(trades));

    private static IEnumerable<KellyBacktestRecord.Trade> Wins(int count, DateOnly closed) =>
        Enumerable.Range(0, count).Select(_ => new KellyBacktestRecord.Trade(StrategyType.VerticalPutCredit, closed, 100m, 400m));

    private static IEnumerable<KellyBacktestRecord.Trade> Losses(int count, DateOnly closed) =>
        Enumerable.Range(0, count).Select(_ => new KellyBacktestRecord.Trade(StrategyType.VerticalPutCredit, closed, -300m, 400m));
}
