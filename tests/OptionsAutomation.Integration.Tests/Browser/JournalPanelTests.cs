using OptionsAutomation.Integration.Tests.Support;
using Xunit.Abstractions;

namespace OptionsAutomation.Integration.Tests.Browser;

/// <summary>
/// The dashboard's Journal panel in Chromium: the note form appears only with an accepted token, writes through the
/// API (source dashboard), and the new note is listed; a bad target shows the server's refusal.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Browser")]
public sealed class JournalPanelTests(PostgresServer postgres, ITestOutputHelper output) : DashboardPageTests(postgres)
{
    [BrowserFact]
    public async Task ANoteFromTheForm_IsWrittenAndListed_ARefusalIsShown()
    {
        var open = await DashboardSeed.SeedAsync(Server);
        var positionId = open[0].PositionId;
        await using var browser = await DashboardBrowser.OpenAsync(Server.BaseUrl, OptionsAutomation.Web.SecurityHeaders.ContentSecurityPolicy);
        var page = browser.Page;
        Assert.False(await page.Locator("#journal-form").IsVisibleAsync());
        await page.FillAsync("#token-input", DashboardServer.ApiToken);
        await page.ClickAsync("#token-form button[type='submit']");
        await page.Locator("#journal-form").WaitForAsync();

        await page.FillAsync("#journal-target", "999999");
        await page.FillAsync("#journal-text", "nowhere");
        await page.ClickAsync("#journal-form button[type='submit']");
        await page.Locator("#journal-result.notice-error").WaitForAsync();
        Assert.Contains("no position or proposal '999999'", await page.InnerTextAsync("#journal-result"), StringComparison.Ordinal);

        await page.FillAsync("#journal-target", positionId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.SelectOptionAsync("#journal-sentiment", "confident");
        await page.FillAsync("#journal-text", "Spread far from the money; letting it decay");
        await page.ClickAsync("#journal-form button[type='submit']");
        await page.Locator("#journal-result.notice-ok").WaitForAsync();

        var item = page.Locator("#journal li.feed-item").First;
        await item.WaitForAsync();
        Assert.Contains("letting it decay", await item.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("confident", await item.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1L, await Db.CountAsync("journal_entries", $"position_id = {positionId} AND source = 'dashboard' AND phase = 'during'"));
        Assert.Empty(await browser.CspViolationsAsync());
        output.WriteLine($"screenshot: {await browser.ScreenshotAsync("dashboard-journal.png")}");
    }
}
