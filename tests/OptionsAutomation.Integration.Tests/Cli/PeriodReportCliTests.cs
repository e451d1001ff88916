using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Infrastructure.MarketData.Synthetic;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary><c>optauto report weekly|monthly</c> as a real process over positions seeded in Postgres, every figure by hand.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
public sealed class PeriodReportCliTests(PostgresServer server) : CliTestBase(server)
{
    /// <summary>SPY's raw closes in data/market/spy_daily.csv (rounded to 4 places by the reader): Fri Dec 12 and Fri Dec 19, 2025.</summary>
    private const decimal SpyDec12 = 681.7600m;
    private const decimal SpyDec19 = 680.5900m;

    /// <summary>
    /// The week of Mon Dec 15, 2025. One-contract SPY CSPs (expiring 2026-01-16), opened 10:00 and closed 14:00 New York:
    /// 580 for 1.50 Dec 8 → Tue Dec 16 at 0.75 (+75, profit target); 570 for 2.00 Dec 9 → Thu Dec 18 at 4.00 (−200, stop
    /// loss); 560 for 1.00 opened Wed Dec 17 and still open. The week opens at 100,000 (Dec 12's close) and reads 100,000,
    /// 100,075, 100,075, 99,875, 99,875. Open at each close: Mon the 580 and 570 puts, Tue the 570, Wed the 570 and 560,
    /// Thu and Fri the 560.
    /// </summary>
    [Fact]
    public async Task Weekly_Json_FiguresByHand()
    {
        await SeedWeekAsync();

        var json = (await Cli.RunAsync("report", "weekly", "--date", "2025-12-17", "--json")).Succeeded().Json();

        Assert.Equal(("weekly", "week of 2025-12-15", "2025-12-15", "2025-12-21"), (json.Str("kind"), json.Str("label"), json.Str("first"), json.Str("through")));
        Assert.Equal((-200.00m + 75.00m, 100_000m, 99_875m), (json.Dec("pnl"), json.Dec("opening_equity"), json.Dec("closing_equity")));
        Assert.Equal((99_875.0 / 100_000) - 1, json.GetProperty("return").GetDouble(), 1e-12);
        Assert.Equal((99_875.0 - 100_075) / 100_075, json.GetProperty("max_drawdown").GetDouble(), 1e-12);
        Assert.Equal(
            [("profit_target", 75.00m), ("stop_loss", -200.00m)],
            json.GetProperty("by_exit_reason").Items().Select(r => (r.Str("key")!, r.Dec("pnl"))));
        Assert.Equal((75.00m, -200.00m), (json.GetProperty("best_trade").Dec("pnl_realized"), json.GetProperty("worst_trade").Dec("pnl_realized")));
        Assert.Equal(
            [(2L, 115_000m, 114_650m), (1L, 57_000m, 56_800m), (2L, 113_000m, 112_700m), (1L, 56_000m, 55_900m), (1L, 56_000m, 55_900m)],
            json.GetProperty("exposure").Items().Select(d => (d.Int("positions"), d.Dec("collateral"), d.Dec("max_loss"))));

        var spy = json.GetProperty("benchmark");
        Assert.Equal(("SPY", "2025-12-12", SpyDec12, SpyDec19), (spy.Str("symbol"), spy.Str("entry_date"), spy.Dec("entry_close"), spy.Dec("exit_close")));
        Assert.Equal((double)(SpyDec19 / SpyDec12) - 1, spy.GetProperty("return").GetDouble(), 1e-12);
        Assert.Equal(decimal.Round(100_000m * SpyDec19 / SpyDec12, 2, MidpointRounding.AwayFromZero), spy.GetProperty("days").Items().Last().Dec("equity"));
        // To date runs from the first close, Tue Dec 16, to the week's end: four sessions.
        Assert.Equal(4L, json.GetProperty("to_date").Int("periods"));
    }

    /// <summary>
    /// The shipped closes end with 2025. For a later week SPY's closes come from the market data at each session's
    /// close — here the built-in synthetic market's, the one the paper positions are marked in: Fri 2026-02-27 and Fri
    /// 2026-03-06 at 16:00 New York (21:00 UTC, before the clocks change on March 8).
    /// </summary>
    [Fact]
    public async Task Weekly_PastTheShippedCloses_ComparesWithTheMarketDataAtEachClose()
    {
        var market = new SyntheticMarketData(new SyntheticMarketDataSettings());
        var entry = (await market.GetUnderlyingQuoteAsync("SPY", new DateTimeOffset(2026, 2, 27, 21, 0, 0, TimeSpan.Zero), CancellationToken.None))!.Last;
        var exit = (await market.GetUnderlyingQuoteAsync("SPY", new DateTimeOffset(2026, 3, 6, 21, 0, 0, TimeSpan.Zero), CancellationToken.None))!.Last;

        var spy = (await Cli.RunAsync("report", "weekly", "--date", "2026-03-04", "--json")).Succeeded().Json().GetProperty("benchmark");

        Assert.Equal(("2026-02-27", entry, exit), (spy.Str("entry_date"), spy.Dec("entry_close"), spy.Dec("exit_close")));
        Assert.Equal(5, spy.GetProperty("days").Items().Length);
    }

    [Fact]
    public async Task Weekly_Human_PrintsTheChatsLines()
    {
        await SeedWeekAsync();

        var result = (await Cli.RunAsync("report", "weekly", "--date", "2025-12-19")).Succeeded();

        Assert.StartsWith("Weekly report — week of 2025-12-15: 2025-12-15 to 2025-12-21, 5 session(s)\n", result.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("(-$125.00), max drawdown -0.20%, equity $100,000.00 → $99,875.00", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Best: #1 SPY CSP profit_target +$75.00; worst: #2 SPY CSP stop_loss -$200.00", result.Stdout, StringComparison.Ordinal);
    }

    /// <summary>
    /// December 2025 has 22 sessions (Christmas closed); no trades: the report still says what it found. SPY went from
    /// 683.39 (Nov 28) to 681.92 (Dec 31): 100,000 held is 99,784.90.
    /// </summary>
    [Fact]
    public async Task Monthly_NoTrades_AnEmptyReportNotNothing()
    {
        var result = (await Cli.RunAsync("report", "monthly", "--date", "2025-12-01")).Succeeded();

        Assert.Contains("Monthly report — December 2025: 2025-12-01 to 2025-12-31, 22 session(s)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("No trades closed in the period", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Exposure: nothing open at any close", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("SPY buy-and-hold -0.22% (-$215.10), 683.39 → 681.92", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Weekly_Html_OneSelfContainedPageWithTheReport()
    {
        await SeedWeekAsync();

        (await Cli.RunAsync("report", "weekly", "--date", "2025-12-15", "--html", "week.html")).Succeeded();

        var html = await File.ReadAllTextAsync(Path.Combine(Cli.WorkDirectory, "week.html"));
        Assert.Contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src", html, StringComparison.Ordinal);
        Assert.Contains("function renderReport(", html, StringComparison.Ordinal);
        Assert.Contains("\"label\": \"week of 2025-12-15\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("weekly", "2025-13-01", "--date")]
    [InlineData("monthly", "2099-01-05", "January 2099 has not begun")]
    public async Task BadDate_Refused(string kind, string date, string message)
    {
        var result = (await Cli.RunAsync("report", kind, "--date", date)).WasRefused();

        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>The range form beside the subcommands still parses and runs.</summary>
    [Fact]
    public async Task RangeForm_StillWorks()
    {
        await SeedWeekAsync();

        var json = (await Cli.RunAsync("report", "--from", "2025-12-15", "--to", "2025-12-19", "--json")).Succeeded().Json();

        Assert.Equal(-125.00m, json.GetProperty("trade_statistics").Dec("total_pnl"));
    }

    private async Task SeedWeekAsync()
    {
        await SeedClosedAsync("w-1", 580m, 1.50m, "2025-12-08", "2025-12-16", 0.75m, ExitReason.ProfitTarget);
        await SeedClosedAsync("w-2", 570m, 2.00m, "2025-12-09", "2025-12-18", 4.00m, ExitReason.StopLoss);
        await SeedSpyCspAsync("w-3", new DateOnly(2026, 1, 16), 560m, 1.00m, NewYork("2025-12-17", 10));
    }

    private Task SeedClosedAsync(string requestId, decimal strike, decimal credit, string openedOn, string closedOn, decimal exitPrice, ExitReason reason) =>
        SeedClosedSpyCspAsync(requestId, new DateOnly(2026, 1, 16), strike, credit, openedOn, closedOn, exitPrice, reason);
}
