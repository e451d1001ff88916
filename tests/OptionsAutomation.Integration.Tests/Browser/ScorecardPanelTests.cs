using OptionsAutomation.Integration.Tests.Support;
using Xunit.Abstractions;

namespace OptionsAutomation.Integration.Tests.Browser;

/// <summary>
/// The dashboard's scorecard panel in Chromium: the card of the last closed session (2021-03-01, the server's clock at its
/// close) is loaded from /api/scorecard.png and shown at its size, described by the chat text.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ScorecardPanelTests(PostgresServer postgres, ITestOutputHelper output) : DashboardPageTests(postgres)
{
    [BrowserFact]
    public async Task TheCard_IsShown_WithTheDaysFiguresAsItsText()
    {
        await DashboardSeed.SeedAsync(Server);
        await DashboardSeed.CloseOneTradeAsync(Server);
        await using var browser = await DashboardBrowser.OpenAsync(Server.BaseUrl, OptionsAutomation.Web.SecurityHeaders.ContentSecurityPolicy);
        var page = browser.Page;

        await page.WaitForFunctionAsync("() => { const i = document.getElementById('scorecard-card'); return i.complete && i.naturalWidth > 0; }");

        Assert.Equal("(2021-03-01)", await page.InnerTextAsync("#scorecard-date"));
        Assert.Equal(800, await page.EvalOnSelectorAsync<int>("#scorecard-card", "i => i.naturalWidth"));
        Assert.StartsWith("Scorecard 2021-03-01: 1 trade(s) closed, realized +$50.00", await page.GetAttributeAsync("#scorecard-card", "alt"), StringComparison.Ordinal);
        Assert.Contains(browser.Requests, r => r.Contains("/api/scorecard.png?date=2021-03-01", StringComparison.Ordinal));
        Assert.Empty(await browser.CspViolationsAsync());
        output.WriteLine($"screenshot: {await browser.ScreenshotAsync("dashboard-scorecard.png")}");
    }
}
