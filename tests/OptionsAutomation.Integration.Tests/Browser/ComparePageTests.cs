using OptionsAutomation.Integration.Tests.Support;
using Xunit.Abstractions;

namespace OptionsAutomation.Integration.Tests.Browser;

/// <summary>
/// The dashboard's comparison page in Chromium over the dashboard seed's two closed CSPs (IWM +$50, QQQ −$110, both
/// closed by hand): the bar charts drawn under the dashboard's own content security policy, the table's figures as the
/// API rounds them, and a change of split redrawing in place.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ComparePageTests(PostgresServer postgres, ITestOutputHelper output) : DashboardPageTests(postgres)
{
    private static readonly string[] Charts = ["compare-pnl", "compare-winrate"];

    [BrowserFact]
    public async Task Page_DrawsBarsAndTable_ThenRedrawsForAnotherSplit()
    {
        await DashboardSeed.SeedAsync(Server);
        await using var browser = await DashboardBrowser.OpenAsync(
            Server.BaseUrl + "compare.html", OptionsAutomation.Web.SecurityHeaders.ContentSecurityPolicy);
        var page = browser.Page;
        await page.WaitForSelectorAsync("#compare-result[data-rendered]");

        foreach (var chart in Charts)
        {
            var (width, height) = await browser.CanvasSizeAsync(chart);
            Assert.True(width > 0 && height > 0, $"{chart} canvas is {width}x{height}");
        }

        Assert.Equal("2 closed trades", await page.InnerTextAsync("#cmp-status"));
        Assert.Equal(["CSP", "all"], await page.Locator("#compare-table tbody th").AllInnerTextsAsync());
        var csp = await page.Locator("#compare-table tbody tr").First.Locator("td").AllInnerTextsAsync();
        Assert.Equal(["2", "50.00%", "-$60.00", "-$30.00"], csp.Take(4));

        await page.SelectOptionAsync("#cmp-split", "by_ticker");
        await page.WaitForSelectorAsync("#compare-table tbody tr:first-child th:text-is('IWM')");
        Assert.Equal(["IWM", "QQQ", "all"], await page.Locator("#compare-table tbody th").AllInnerTextsAsync());
        Assert.Empty(await browser.CspViolationsAsync());
        Assert.All(browser.Requests.Where(u => u.StartsWith("http", StringComparison.Ordinal)),
            url => Assert.StartsWith(Server.BaseUrl, url, StringComparison.Ordinal));
        output.WriteLine($"screenshot: {await browser.ScreenshotAsync("compare-page.png")}");
    }
}
