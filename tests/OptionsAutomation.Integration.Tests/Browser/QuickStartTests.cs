using System.Globalization;
using System.Text.Json;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Proposals;
using Microsoft.Extensions.Time.Testing;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Integration.Tests.Support;
using Xunit.Abstractions;

namespace OptionsAutomation.Integration.Tests.Browser;

/// <summary>
/// The README's quick start in Chromium, on the worker started as its step 1 starts it (default synthetic market and
/// settings, the token, orders outside the session, the days-to-expiry exit at 45): see a proposal, approve it from the
/// dashboard with the token, see the position, watch the exit close it. A screenshot of each step goes to
/// <c>TestResults/screenshots/quickstart-*.png</c> under the test output (each path is printed).
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Browser")]
public sealed class QuickStartTests(PostgresServer postgres, ITestOutputHelper output) : QuickStartServerTests(postgres)
{
    [BrowserFact]
    public async Task QuickStart_ProposalApprovedFromTheDashboard_ShowsThePosition_ThenTheExitClosesIt()
    {
        // Step 2: `optauto proposals run` (the screener as the CLI runs it, now).
        var run = await Server.Get<ProposalService>().RunAsync(DashboardServer.QuickStartNow, CancellationToken.None);
        Assert.True(run.Proposals.Count > 0, string.Join("; ", run.Denials));
        var proposal = run.Proposals[0];
        await using var browser = await DashboardBrowser.OpenAsync(Server.BaseUrl);
        var page = browser.Page;
        var item = page.Locator($"#proposals [data-request-id='{proposal.RequestId}']");
        Assert.Contains("PROPOSED", await item.InnerTextAsync(), StringComparison.Ordinal);
        // The size's reason, in the words of the Telegram card and `proposals show`.
        Assert.Equal($"Sizing: {proposal.Sizing!.Summary()}", await item.Locator(".sizing").InnerTextAsync());
        await Screenshot(browser, "quickstart-1-proposal.png");

        // Step 3: the token, then Approve.
        await page.FillAsync("#token-input", DashboardServer.ApiToken);
        await page.ClickAsync("#token-form button[type='submit']");
        var approve = item.Locator("button[data-action='approve']");
        await approve.WaitForAsync();
        await Screenshot(browser, "quickstart-2-token.png");
        var result = page.Locator("#proposal-result:not([hidden])");
        await WhileTimePassesAsync(async () =>
        {
            await approve.ClickAsync();
            await result.WaitForAsync(new() { Timeout = 90_000 });
        });
        Assert.Contains("EXECUTED", await result.InnerTextAsync(), StringComparison.Ordinal);
        var executed = await Server.Get<IProposalStore>().FindAsync(proposal.RequestId, CancellationToken.None);
        Assert.Equal(ProposalStatus.Executed, executed!.Status);
        var positionId = executed.PositionId!.Value;

        // The position shows, valued as the risk panel values it (never marked yet: at the quotes, said so).
        var row = page.Locator($"#positions tbody tr[data-position-id='{positionId}']");
        await row.WaitForAsync();
        var risk = await RiskPositionAsync(page, positionId);
        Assert.Equal("quotes", risk.GetProperty("mark_source").GetString());
        Assert.Equal(SignedMoney(risk.GetProperty("unrealized_pnl").GetDecimal()), await row.Locator("td.pnl").InnerTextAsync());
        Assert.StartsWith("QUOTES", await row.Locator("td.mark-as-of").InnerTextAsync(), StringComparison.Ordinal);
        // The executed proposal names its position and shows the gate's summary once.
        Assert.Equal($"position {positionId}", await item.Locator(".position-ref").InnerTextAsync());
        Assert.Equal(1, Occurrences(await item.InnerTextAsync(), executed.RiskSummary!));
        await Screenshot(browser, "quickstart-3-position.png");

        // Step 4: `optauto exits check` — 45 days or fewer to expiry, so the days-to-expiry rule closes it.
        IReadOnlyList<ExitCheck> checks = [];
        await WhileTimePassesAsync(async () => checks = await Server.Get<ExitService>().RunAsync(Server.Get<TimeProvider>().GetUtcNow(), execute: true, CancellationToken.None));
        Assert.NotNull(Assert.Single(checks, c => c.Position.PositionId == positionId).Closed);
        await browser.ReloadAsync();
        Assert.Equal(0, await row.CountAsync());
        var trade = page.Locator($"#trades tbody tr[data-position-id='{positionId}']");
        Assert.Equal("21dte", await trade.Locator("td.reason").InnerTextAsync());
        var realized = await Db.ScalarAsync<decimal>($"SELECT pnl_realized FROM trade_history WHERE position_id = {positionId}");
        Assert.Equal(SignedMoney(realized), await trade.Locator("td.pnl").InnerTextAsync());
        Assert.Contains($"position {positionId}", await page.Locator("#alerts").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshot(browser, "quickstart-4-closed.png");
    }

    /// <summary>
    /// Runs <paramref name="action"/> while the worker's clock moves on in step with the real one, as it does for a
    /// person trying the quick start: an order's price walk and fill timeout run on that clock, which otherwise stands
    /// at <see cref="DashboardServer.QuickStartNow"/>.
    /// </summary>
    private async Task WhileTimePassesAsync(Func<Task> action)
    {
        var clock = (FakeTimeProvider)Server.Get<TimeProvider>();
        using var stop = new CancellationTokenSource();
        var ticking = Task.Run(async () =>
        {
            var tick = TimeSpan.FromMilliseconds(100);
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(tick, CancellationToken.None);
                clock.Advance(tick);
            }
        }, CancellationToken.None);
        try
        {
            await action();
        }
        finally
        {
            await stop.CancelAsync();
            await ticking;
        }
    }

    private async Task Screenshot(DashboardBrowser browser, string name) => output.WriteLine($"screenshot: {await browser.ScreenshotAsync(name)}");

    /// <summary>The position's figures in the risk report the page reads.</summary>
    internal static async Task<JsonElement> RiskPositionAsync(Microsoft.Playwright.IPage page, long positionId)
    {
        var report = await page.EvaluateAsync<JsonElement>("() => fetch('/api/risk').then(r => r.json())");
        return report.GetProperty("positions").EnumerateArray().Single(p => p.GetProperty("position_id").GetInt64() == positionId);
    }

    /// <summary>The dashboard's signed dollars (en-US): +$1,234.50, -$45.00, $0.00.</summary>
    internal static string SignedMoney(decimal value) =>
        (value > 0 ? "+" : value < 0 ? "-" : "") + "$" + Math.Abs(value).ToString("N2", CultureInfo.InvariantCulture);

    private static int Occurrences(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
