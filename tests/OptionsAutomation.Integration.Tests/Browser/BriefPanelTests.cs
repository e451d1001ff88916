using OptionsAutomation.Integration.Tests.Support;
using Xunit.Abstractions;

namespace OptionsAutomation.Integration.Tests.Browser;

/// <summary>
/// The dashboard's Morning brief panel in Chromium, on the 2021-03-01 close: the VIX of the session before from the
/// shipped file, the seeded spreads with their P&amp;L, the limits in use, and what the market data lacks.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Browser")]
public sealed class BriefPanelTests(PostgresServer postgres, ITestOutputHelper output) : DashboardPageTests(postgres)
{
    [BrowserFact]
    public async Task ThePanel_ShowsTheMarketThePositionsAndTheLimits()
    {
        var open = await DashboardSeed.SeedAsync(Server);
        await using var browser = await DashboardBrowser.OpenAsync(Server.BaseUrl, OptionsAutomation.Web.SecurityHeaders.ContentSecurityPolicy);
        var page = browser.Page;

        await page.Locator("#brief-positions").WaitForAsync();

        Assert.Equal("(2021-03-01)", await page.InnerTextAsync("#brief-date"));
        // vix_daily.csv: 27.95 on 2021-02-26, rank 0.1272 in the year before.
        Assert.Equal("VIX 27.95 (2021-02-26) · IV rank 13%", await page.InnerTextAsync(".brief-market li[data-symbol='VIX']"));
        // The chain file holds SPY only: the held QQQ and IWM have no close, and the panel says so.
        Assert.Contains("no close of QQQ for 2021-02-26", await page.InnerTextAsync(".brief-market li[data-symbol='QQQ']"), StringComparison.Ordinal);
        foreach (var (positionId, pnl) in open)
        {
            Assert.Contains(pnl, await page.InnerTextAsync($"#brief-positions tr[data-position-id='{positionId}']"), StringComparison.Ordinal);
        }

        Assert.StartsWith("exposure ", await page.InnerTextAsync("#brief-limits [data-limit='exposure']"), StringComparison.Ordinal);
        Assert.Equal("Expiring today: none", await page.InnerTextAsync("#brief-expiring"));
        Assert.Empty(await browser.CspViolationsAsync());
        output.WriteLine($"screenshot: {await browser.ScreenshotAsync("dashboard-brief.png")}");
    }
}
