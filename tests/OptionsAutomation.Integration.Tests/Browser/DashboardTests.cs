using OptionsAutomation.Integration.Tests.Support;
using Xunit.Abstractions;

namespace OptionsAutomation.Integration.Tests.Browser;

/// <summary>
/// The dashboard in Debian's Chromium, served by the worker itself (in this process, real HTTP, real Postgres).
/// Screenshots go to the test output's artifacts folder; each test prints the path.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Browser")]
public sealed class DashboardTests(PostgresServer postgres, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string[] Charts = ["chart-equity", "chart-drawdown", "chart-daily"];
    private TestDatabase _db = null!;
    private DashboardServer _server = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(postgres);
        _server = await DashboardServer.StartAsync(_db);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _db.DisposeAsync();
    }

    [BrowserFact]
    public async Task Page_LoadsEverythingFromTheWorker_IncludingTheVendoredChartLibrary_AndDrawsItsCharts()
    {
        await using var browser = await DashboardBrowser.OpenAsync(_server.BaseUrl);

        var web = browser.Requests.Where(u => u.StartsWith("http", StringComparison.Ordinal)).ToList();
        Assert.All(web, url => Assert.StartsWith(_server.BaseUrl, url, StringComparison.Ordinal));
        Assert.Contains(_server.BaseUrl + "vendor/uPlot.esm.js", web);
        foreach (var chart in Charts)
        {
            var (width, height) = await browser.CanvasSizeAsync(chart);
            Assert.True(width > 0 && height > 0, $"{chart} canvas is {width}x{height}");
        }

        output.WriteLine($"screenshot: {await browser.ScreenshotAsync("dashboard-page.png")}");
    }

    [BrowserFact]
    public async Task SeededData_ShowsPositionsWithTheirPnl_AndTheApproveButtonExecutesTheProposal()
    {
        var open = await DashboardSeed.SeedAsync(_server);
        await using var browser = await DashboardBrowser.OpenAsync(_server.BaseUrl);
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
        Assert.Equal(1, await _db.CountAsync("trade_requests", $"request_id = '{DashboardSeed.ProposalId}' AND status = 'EXECUTED'"));
        Assert.Equal(1, await _db.CountAsync("positions", "ticker = 'SPY' AND status = 'OPEN' AND entry_price = 3.67"));
        output.WriteLine($"screenshot: {await browser.ScreenshotAsync("dashboard-approved.png")}");
    }
}
