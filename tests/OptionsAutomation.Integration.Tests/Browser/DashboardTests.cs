using System.Globalization;
using System.Text.Json;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Integration.Tests.Support;
using Xunit.Abstractions;

namespace OptionsAutomation.Integration.Tests.Browser;

/// <summary>
/// The dashboard in Debian's Chromium, served by the worker itself (in this process, real HTTP, real Postgres).
/// Screenshots go to TestResults/screenshots/ under the test output; each test prints the path.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Browser")]
public sealed class DashboardTests(PostgresServer postgres, ITestOutputHelper output) : DashboardPageTests(postgres)
{
    private static readonly string[] Charts = ["chart-equity", "chart-drawdown", "chart-daily"];

    [BrowserFact]
    public async Task Page_LoadsEverythingFromTheWorker_IncludingTheVendoredChartLibrary_AndDrawsItsCharts()
    {
        await using var browser = await DashboardBrowser.OpenAsync(Server.BaseUrl);

        var web = browser.Requests.Where(u => u.StartsWith("http", StringComparison.Ordinal)).ToList();
        Assert.All(web, url => Assert.StartsWith(Server.BaseUrl, url, StringComparison.Ordinal));
        Assert.Contains(Server.BaseUrl + "vendor/uPlot.esm.js", web);
        foreach (var chart in Charts)
        {
            var (width, height) = await browser.CanvasSizeAsync(chart);
            Assert.True(width > 0 && height > 0, $"{chart} canvas is {width}x{height}");
        }

        output.WriteLine($"screenshot: {await browser.ScreenshotAsync("dashboard-page.png")}");
    }

    [BrowserFact]
    public async Task Page_WorksUnderASelfOnlyContentSecurityPolicy_NothingInlineIsRefused()
    {
        await DashboardSeed.SeedAsync(Server);
        await using var browser = await DashboardBrowser.OpenAsync(Server.BaseUrl, "default-src 'self'");

        Assert.Empty(await browser.CspViolationsAsync());
        foreach (var chart in Charts)
        {
            var (width, height) = await browser.CanvasSizeAsync(chart);
            Assert.True(width > 0 && height > 0, $"{chart} canvas is {width}x{height}");
        }

        // The limit gauges are sized through the CSSOM, which the policy allows (a style attribute it would refuse).
        var widths = await browser.Page.Locator("#limits .gauge-fill").EvaluateAllAsync<string[]>("(bars) => bars.map((b) => b.style.width)");
        Assert.NotEmpty(widths);
        Assert.All(widths, w => Assert.EndsWith("%", w, StringComparison.Ordinal));
        Assert.Equal(2, await browser.Page.Locator("#positions tbody tr[data-position-id]").CountAsync());
    }

    [BrowserFact]
    public async Task SeededData_ShowsPositionsWithTheirPnl_AndTheApproveButtonExecutesTheProposal()
    {
        var open = await DashboardSeed.SeedAsync(Server);
        await using var browser = await DashboardBrowser.OpenAsync(Server.BaseUrl);
        var page = browser.Page;

        foreach (var (positionId, pnl) in open)
        {
            Assert.Equal(pnl, await page.Locator($"#positions tbody tr[data-position-id='{positionId}'] td.pnl").InnerTextAsync());
            // DTE counts from the server's New York date (the test clock: 2021-03-01), not the browser's: 46 days to 2021-04-16.
            Assert.Equal("46", await page.Locator($"#positions tbody tr[data-position-id='{positionId}'] td.dte").InnerTextAsync());
        }

        foreach (var chart in Charts)
        {
            var (width, height) = await browser.CanvasSizeAsync(chart);
            Assert.True(width > 0 && height > 0, $"{chart} canvas is {width}x{height}");
        }

        var approve = page.Locator($"[data-request-id='{DashboardSeed.ProposalId}'] button[data-action='approve']");
        Assert.False(await approve.IsVisibleAsync());
        await page.FillAsync("#token-input", DashboardServer.ApiToken);
        await page.ClickAsync("#token-form button[type='submit']");
        await approve.WaitForAsync();
        output.WriteLine($"screenshot: {await browser.ScreenshotAsync("dashboard.png")}");

        await approve.ClickAsync();
        await page.Locator("#proposal-result.notice-ok").WaitForAsync();
        Assert.Equal(1, await Db.CountAsync("trade_requests", $"request_id = '{DashboardSeed.ProposalId}' AND status = 'EXECUTED'"));
        Assert.Equal(1, await Db.CountAsync("positions", "ticker = 'SPY' AND status = 'OPEN' AND entry_price = 3.67"));
        output.WriteLine($"screenshot: {await browser.ScreenshotAsync("dashboard-approved.png")}");
    }

    [BrowserFact]
    public async Task EquityChart_WithOneDayOfHistory_IsScaledToItsData_FromTheOpeningEquity()
    {
        await DashboardSeed.CloseOneTradeAsync(Server);
        await using var browser = await DashboardBrowser.OpenAsync(Server.BaseUrl);

        // The scales as drawn (charts.js writes them onto each chart's box). The opening equity (the close before the
        // first day, 2021-02-26) is the curve's first point, so one day of history is a line; the axes span about a week
        // of days, not years, and the dollars around the curve, not $0 to $200k.
        var closing = 100_000m + await Db.ScalarAsync<decimal>("SELECT sum(pnl_realized) FROM trade_history");
        foreach (var chart in new[] { "chart-equity", "chart-daily" })
        {
            var from = DateOnly.Parse(await Attribute(browser, chart, "data-x-from"), CultureInfo.InvariantCulture);
            var to = DateOnly.Parse(await Attribute(browser, chart, "data-x-to"), CultureInfo.InvariantCulture);
            Assert.True(from <= new DateOnly(2021, 2, 26) && to >= new DateOnly(2021, 3, 1), $"{chart}: {from}..{to}");
            Assert.InRange(to.DayNumber - from.DayNumber, 6, 9);
        }

        var yFrom = decimal.Parse(await Attribute(browser, "chart-equity", "data-y-from"), CultureInfo.InvariantCulture);
        var yTo = decimal.Parse(await Attribute(browser, "chart-equity", "data-y-to"), CultureInfo.InvariantCulture);
        Assert.InRange(yFrom, 99_000m, 99_999m);
        Assert.InRange(yTo, closing + 1m, 101_000m);
        var opening = await browser.Page.EvaluateAsync<JsonElement>("async () => (await import('/js/charts.js')).equitySeries(await fetch('/api/equity').then((r) => r.json()))");
        Assert.Equal([("2021-02-26", 100_000m), ("2021-03-01", closing)],
            opening.EnumerateArray().Select(p => (p.GetProperty("date").GetString(), p.GetProperty("equity").GetDecimal())));
        output.WriteLine($"screenshot: {await browser.ScreenshotAsync("dashboard-one-day.png")}");
    }

    private static async Task<string> Attribute(DashboardBrowser browser, string id, string name) =>
        await browser.Page.Locator($"#{id}").GetAttributeAsync(name) ?? throw new Xunit.Sdk.XunitException($"#{id} has no {name}");

    [BrowserFact]
    public async Task OpenPosition_ShowsTheRiskReportsValuation_TheQuotesUntilMarked_ThenItsStoredMark_AsOf()
    {
        var run = await Server.Get<ProposalService>().RunAsync(DashboardServer.Close, CancellationToken.None);
        var approved = await Server.Get<ApprovalService>().ApproveAsync(Assert.Single(run.Proposals).RequestId, "test", CancellationToken.None);
        var positionId = approved.PositionId!.Value;
        await using var browser = await DashboardBrowser.OpenAsync(Server.BaseUrl);
        var page = browser.Page;
        var row = page.Locator($"#positions tbody tr[data-position-id='{positionId}']");

        // Never marked: the table shows the risk report's value at the quotes, and says so.
        var quoted = await QuickStartTests.RiskPositionAsync(page, positionId);
        Assert.Equal("quotes", quoted.GetProperty("mark_source").GetString());
        Assert.Equal(QuickStartTests.SignedMoney(quoted.GetProperty("unrealized_pnl").GetDecimal()), await row.Locator("td.pnl").InnerTextAsync());
        Assert.StartsWith("QUOTES", await row.Locator("td.mark-as-of").InnerTextAsync(), StringComparison.Ordinal);

        // Once marked, the stored mark is the one valuation of both, with its time.
        await Server.Get<MarkToMarketService>().MarkManuallyAsync(positionId, 3.00m, "test", CancellationToken.None);
        await browser.ReloadAsync();
        var stored = await QuickStartTests.RiskPositionAsync(page, positionId);
        Assert.Equal("stored", stored.GetProperty("mark_source").GetString());
        Assert.Equal(3.00m, stored.GetProperty("mark").GetDecimal());
        Assert.Equal("3.00", await row.Locator("td.mark").InnerTextAsync());
        Assert.Equal(QuickStartTests.SignedMoney(stored.GetProperty("unrealized_pnl").GetDecimal()), await row.Locator("td.pnl").InnerTextAsync());
        Assert.Equal($"FRESH {await page.EvaluateAsync<string>("(at) => new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(at))", stored.GetProperty("marked_at").GetString())}",
            await row.Locator("td.mark-as-of").InnerTextAsync());

        // The two equities and the two mark columns are told apart.
        Assert.Equal(["Mark", "Mark as of"], (await page.Locator("#positions thead th").AllInnerTextsAsync()).Where(h => h.StartsWith("Mark", StringComparison.Ordinal)));
        Assert.Contains("Equity (realized)", await page.Locator("#kpis").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Equity (marked)", await page.Locator("#greeks").InnerTextAsync(), StringComparison.Ordinal);
        output.WriteLine($"screenshot: {await browser.ScreenshotAsync("dashboard-valuation.png")}");
    }
}
