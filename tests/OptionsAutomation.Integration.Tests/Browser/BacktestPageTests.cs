using OptionsAutomation.Integration.Tests.Cli;
using OptionsAutomation.Integration.Tests.Support;
using Xunit.Abstractions;

namespace OptionsAutomation.Integration.Tests.Browser;

/// <summary>
/// The dashboard's Backtest page in Chromium: a one-month run from the form, drawn under the dashboard's own content
/// security policy with nothing loaded from anywhere but the worker; and the <c>--report</c> file, opened from disk,
/// drawing the same charts with no request at all.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Browser")]
public sealed class BacktestPageTests(PostgresServer postgres, ITestOutputHelper output) : QuickStartServerTests(postgres), IDisposable
{
    private static readonly string[] Charts = ["backtest-equity", "backtest-drawdown", "backtest-histogram"];

    private readonly OptautoProcess _cli = new("Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=2");

    public void Dispose() => _cli.Dispose();

    [BrowserFact]
    public async Task OneMonthFromTheForm_DrawsTheChartsAndTrades_UnderTheDashboardsPolicy_FromTheWorkerOnly()
    {
        var url = Server.BaseUrl + "backtest.html";
        await using var browser = await DashboardBrowser.OpenAsync(url, OptionsAutomation.Web.SecurityHeaders.ContentSecurityPolicy);
        var page = browser.Page;
        // The profiles and the dates come from the server.
        Assert.Equal(["default", "putwrite"], await page.Locator("#bt-profile option").AllInnerTextsAsync());
        Assert.Equal("2025-12-31", await page.InputValueAsync("#bt-to"));

        await page.FillAsync("#token-input", DashboardServer.ApiToken);
        await page.ClickAsync("#token-form button[type='submit']");
        await page.FillAsync("#bt-from", "2021-03-01");
        await page.FillAsync("#bt-to", "2021-03-31");
        await page.ClickAsync("#bt-run");
        await page.WaitForSelectorAsync("#backtest-result[data-rendered]", new() { Timeout = 90_000 });

        foreach (var chart in Charts)
        {
            var (width, height) = await browser.CanvasSizeAsync(chart);
            Assert.True(width > 0 && height > 0, $"{chart} canvas is {width}x{height}");
        }

        var trades = await page.Locator("#backtest-trades tbody tr").CountAsync();
        Assert.True(trades > 0);
        Assert.Contains($"23 sessions, {trades} trades", await page.InnerTextAsync("#bt-status"), StringComparison.Ordinal);
        Assert.Equal("2021", await page.InnerTextAsync("#backtest-months tbody th"));
        Assert.Contains("Buy and hold", await page.InnerTextAsync("#backtest-kpis"), StringComparison.Ordinal);
        Assert.Empty(await browser.CspViolationsAsync());
        Assert.All(browser.Requests, request => Assert.StartsWith(Server.BaseUrl, request, StringComparison.Ordinal));
        output.WriteLine($"screenshot: {await browser.ScreenshotAsync("backtest-page.png")}");
    }

    [BrowserFact]
    public async Task ReportFile_DrawsTheSameChartsAndTrades_WithNoRequestButItself()
    {
        var path = Path.Combine(_cli.WorkDirectory, "report.html");
        var run = (await _cli.RunAsync("backtest", "--from", "2021-03-01", "--to", "2021-03-31", "--json", "--report", path)).Succeeded();
        var file = new Uri(path).AbsoluteUri;

        // The file's own policy (default-src 'none', inline script and style) is what the browser enforces; violations are recorded.
        await using var browser = await DashboardBrowser.OpenAsync(file, contentSecurityPolicy: "the file's own");

        foreach (var chart in Charts)
        {
            var (width, height) = await browser.CanvasSizeAsync(chart);
            Assert.True(width > 0 && height > 0, $"{chart} canvas is {width}x{height}");
        }

        Assert.Equal(run.Json().GetProperty("trades").GetArrayLength(), await browser.Page.Locator("#backtest-trades tbody tr").CountAsync());
        Assert.Empty(await browser.CspViolationsAsync());
        Assert.Equal([file], browser.Requests.Distinct());
        output.WriteLine($"screenshot: {await browser.ScreenshotAsync("backtest-report.png")}");
    }
}
