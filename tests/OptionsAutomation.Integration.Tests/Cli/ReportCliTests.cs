using System.Globalization;
using System.Text.Json;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary><c>optauto report</c> as a real process over trades seeded in Postgres, every figure by hand.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
public sealed class ReportCliTests(PostgresServer server) : CliTestBase(server)
{
    /// <summary>
    /// Four one-contract SPY CSPs (expiring 2026-03-20), closed at 14:00 New York time: +100 on Thu Feb 5 (before the
    /// range), then +75 Mon Feb 9 (profit target), −200 Wed Feb 11 (stop loss), +50 Fri Feb 13 (manual).
    /// Starting equity 100,000 (the default), so the curve opens at 100,100 at the close of Fri Feb 6 and reads
    /// 100,175, 100,175, 99,975, 99,975, 100,025 over the sessions of Feb 9–13.
    /// </summary>
    [Fact]
    public async Task Report_Json_TradeAndReturnStatisticsAndAttributionOfTheRange()
    {
        await SeedClosedAsync("r-0", 590m, 1.50m, "2026-01-29", "2026-02-05", 0.50m, ExitReason.ProfitTarget);
        await SeedClosedAsync("r-1", 580m, 1.50m, "2026-02-02", "2026-02-09", 0.75m, ExitReason.ProfitTarget);
        await SeedClosedAsync("r-2", 570m, 2.00m, "2026-02-03", "2026-02-11", 4.00m, ExitReason.StopLoss);
        await SeedClosedAsync("r-3", 560m, 1.00m, "2026-02-04", "2026-02-13", 0.50m, ExitReason.Manual);

        var json = (await Cli.RunAsync("report", "--from", "2026-02-09", "--to", "2026-02-13", "--json")).Succeeded().Json();

        Assert.Equal(
            ["from", "to", "opening_date", "opening_equity", "closing_equity", "trade_statistics", "return_statistics", "attribution", "equity_curve", "attribution_by_greek"],
            json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("2026-02-06", 100_100m, 100_025m), (json.Str("opening_date"), json.Dec("opening_equity"), json.Dec("closing_equity")));
        Assert.Equal(
            [100_175m, 100_175m, 99_975m, 99_975m, 100_025m],
            json.GetProperty("equity_curve").Items().Select(d => d.Dec("equity")));

        // Trades: W L W; held 7, 8, 9 days; collateral 58,000 + 57,000 + 56,000 over mean equity 500,325 ÷ 5 = 100,065.
        var trades = json.GetProperty("trade_statistics");
        Assert.Equal((3L, 2L, 1L, 66.67m), (trades.Int("trades"), trades.Int("wins"), trades.Int("losses"), trades.Dec("win_rate")));
        Assert.Equal((-75.00m, 62.50m, -200.00m, -25.00m), (trades.Dec("total_pnl"), trades.Dec("average_win"), trades.Dec("average_loss"), trades.Dec("expectancy")));
        Assert.Equal((75.00m, -200.00m), (trades.Dec("largest_win"), trades.Dec("largest_loss")));
        Assert.Equal(0.625, Num(trades, "profit_factor"), 1e-12);
        Assert.Equal(62.5 / 200, Num(trades, "payoff_ratio"), 1e-12);
        Assert.Equal((8.0, 8.0), (Num(trades, "mean_holding_days"), Num(trades, "median_holding_days")));
        Assert.Equal(171_000.0 / 100_065, Num(trades, "turnover"), 1e-12);
        Assert.Equal((1L, 1L), (trades.Int("max_consecutive_wins"), trades.Int("max_consecutive_losses")));

        // Returns of the five days: the fall from 100,175 (Tue, the last day at the high) to 99,975 is not recovered.
        var returns = json.GetProperty("return_statistics");
        Assert.Equal(5L, returns.Int("periods"));
        Assert.Equal((100_025.0 / 100_100) - 1, Num(returns, "total_return"), 1e-12);
        Assert.Equal((99_975.0 - 100_175) / 100_175, Num(returns, "max_drawdown"), 1e-12);
        Assert.Equal(("2026-02-10", "2026-02-11", 3L), (returns.Str("max_drawdown_peak"), returns.Str("max_drawdown_trough"), returns.Int("max_drawdown_duration_periods")));
        // Sorted returns −200 ÷ 100,175, 0, 0, 50 ÷ 99,975, 75 ÷ 100,100: the 5th percentile sits at index 4 × 0.05 = 0.2,
        // a fifth of the way from the worst to 0; CVaR is the worst alone (index ⌊0.2⌋ = 0).
        Assert.Equal(0.8 * (-200.0 / 100_175), Num(returns, "var_95"), 1e-12);
        Assert.Equal(-200.0 / 100_175, Num(returns, "cvar_95"), 1e-12);

        var byReason = json.GetProperty("attribution").GetProperty("by_exit_reason").Items();
        Assert.Equal(
            [("manual", 50.00m), ("profit_target", 75.00m), ("stop_loss", -200.00m)],
            byReason.Select(r => (r.Str("key")!, r.Dec("pnl"))));
        var byMonth = Assert.Single(json.GetProperty("attribution").GetProperty("by_month").Items());
        Assert.Equal(("2026-02", 3L, -75.00m), (byMonth.Str("key"), byMonth.Int("trades"), byMonth.Dec("pnl")));
    }

    [Fact]
    public async Task Report_NoTrades_ZeroTradesAndNaNReturnStatistics()
    {
        var json = (await Cli.RunAsync("report", "--json")).Succeeded().Json();

        Assert.Equal(0L, json.GetProperty("trade_statistics").Int("trades"));
        Assert.Equal("NaN", json.GetProperty("return_statistics").Str("sharpe_ratio"));
        Assert.Equal(100_000m, json.Dec("closing_equity"));
    }

    [Fact]
    public async Task Report_Human_PrintsSectionsAndAttribution()
    {
        await SeedClosedAsync("r-1", 580m, 1.50m, "2026-02-02", "2026-02-09", 0.75m, ExitReason.ProfitTarget);

        var result = (await Cli.RunAsync("report")).Succeeded();

        Assert.Contains("Trades", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Daily equity returns", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"profit_target\s*│?\s*1", result.Stdout);
    }

    [Fact]
    public async Task Report_FromAfterTo_Refused()
    {
        var result = (await Cli.RunAsync("report", "--from", "2026-02-13", "--to", "2026-02-09")).WasRefused();

        Assert.Contains("error: --from is after --to.", result.Stderr, StringComparison.Ordinal);
    }

    private static double Num(JsonElement json, string name) => json.GetProperty(name).GetDouble();

    private Task SeedClosedAsync(string requestId, decimal strike, decimal credit, string openedOn, string closedOn, decimal exitPrice, ExitReason reason) =>
        SeedClosedSpyCspAsync(requestId, new DateOnly(2026, 3, 20), strike, credit, openedOn, closedOn, exitPrice, reason);
}
