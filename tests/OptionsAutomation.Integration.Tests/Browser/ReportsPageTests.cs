using OptionsAutomation.Integration.Tests.Support;
using Xunit.Abstractions;

namespace OptionsAutomation.Integration.Tests.Browser;

/// <summary>
/// The dashboard's Reports page in Chromium over the dashboard seed (IWM +$50 closed Feb 10, QQQ −$110 closed Feb 17,
/// 2021, both by hand; the server's today is Mon 2021-03-01): this week's report drawn under the dashboard's content
/// security policy, then February's, with the equity chart against SPY and the exit-reason table as the API gives them.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ReportsPageTests(PostgresServer postgres, ITestOutputHelper output) : DashboardPageTests(postgres)
{
    [BrowserFact]
    public async Task Page_DrawsThisWeek_ThenTheMonthAsked()
    {
        await DashboardSeed.SeedAsync(Server);
        await using var browser = await DashboardBrowser.OpenAsync(
            Server.BaseUrl + "reports.html", OptionsAutomation.Web.SecurityHeaders.ContentSecurityPolicy);
        var page = browser.Page;
        await page.WaitForSelectorAsync("#report-result[data-rendered]");
        Assert.Equal("week of 2021-03-01", await page.InnerTextAsync("#rep-status"));
        Assert.Contains("No trades closed in the period.", await page.InnerTextAsync("#report-result"), StringComparison.Ordinal);

        await page.SelectOptionAsync("#rep-kind", "monthly");
        await page.FillAsync("#rep-date", "2021-02-10");
        await page.ClickAsync("#rep-run");
        await page.WaitForSelectorAsync("#rep-status:text-is('February 2021')");

        var (width, height) = await browser.CanvasSizeAsync("report-equity");
        Assert.True(width > 0 && height > 0, $"the equity chart's canvas is {width}x{height}");
        // The opening point (Jan 29's close) and February's 19 sessions.
        Assert.Equal("20", await page.GetAttributeAsync("#report-equity", "data-points"));
        Assert.Contains("Trades closed: 2 (1 win(s), 1 loss(es)), win rate 50%", await page.InnerTextAsync("#report-summary"), StringComparison.Ordinal);
        Assert.Equal(["manual", "2", "1", "-$60.00"], await page.Locator("#report-exits tbody tr").First.Locator("td").AllInnerTextsAsync());
        Assert.Empty(await browser.CspViolationsAsync());
        Assert.All(browser.Requests.Where(u => u.StartsWith("http", StringComparison.Ordinal)),
            url => Assert.StartsWith(Server.BaseUrl, url, StringComparison.Ordinal));
        output.WriteLine($"screenshot: {await browser.ScreenshotAsync("reports-page.png")}");
    }
}
