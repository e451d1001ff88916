using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Core.Trading.Adjustments;
using OptionsAutomation.Core.Trading.Journal;
using OptionsAutomation.Integration.Tests.Adjustments;
using OptionsAutomation.Integration.Tests.Support;
using Xunit.Abstractions;

namespace OptionsAutomation.Integration.Tests.Browser;

/// <summary>The dashboard's Adjustments panel in Chromium: the pending recommendation listed, approved with the token like a proposal.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Browser")]
public sealed class AdjustmentPanelTests(PostgresServer postgres, ITestOutputHelper output) : DashboardPageTests(postgres)
{
    [BrowserFact]
    public async Task APendingClose_IsListedWithItsRisk_AndApprovedFromThePanel_ClosesThePosition()
    {
        var run = await Server.Get<ProposalService>().RunAsync(DashboardServer.Close, CancellationToken.None);
        var approved = await Server.Get<ApprovalService>().ApproveAsync(Assert.Single(run.Proposals).RequestId, "test", CancellationToken.None);
        var position = (await Server.Get<IPositionStore>().FindAsync(approved.PositionId!.Value, CancellationToken.None))!;
        var pending = await AdjustmentSeed.PendingAsync(Server.Get<ITradingJournal>(), position, AdjustmentKind.Close, DashboardServer.Close);
        await using var browser = await DashboardBrowser.OpenAsync(Server.BaseUrl);
        var page = browser.Page;
        var item = page.Locator($"#adjustments [data-adjustment-id='{pending.Id}']");

        await item.WaitForAsync();
        Assert.Contains("CLOSE all 1", await item.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("risk 64 HIGH", await item.InnerTextAsync(), StringComparison.Ordinal);
        var approve = item.Locator("button[data-action='approve']");
        Assert.False(await approve.IsVisibleAsync());
        await page.FillAsync("#token-input", DashboardServer.ApiToken);
        await page.ClickAsync("#token-form button[type='submit']");
        await approve.WaitForAsync();
        await approve.ClickAsync();

        await page.Locator("#adjustment-result.notice-ok").WaitForAsync();
        Assert.Equal(1, await Db.CountAsync("adjustments", $"id = {pending.Id} AND status = 'EXECUTED' AND decided_by = 'api'"));
        Assert.Equal(1, await Db.CountAsync("positions", $"position_id = {position.PositionId} AND status = 'CLOSED' AND exit_reason = 'adjustment'"));
        await page.Locator("#adjustments li.empty").WaitForAsync();
        output.WriteLine($"screenshot: {await browser.ScreenshotAsync("dashboard-adjustment-approved.png")}");
    }
}
