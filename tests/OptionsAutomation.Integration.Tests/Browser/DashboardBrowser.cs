using Microsoft.Playwright;

namespace OptionsAutomation.Integration.Tests.Browser;

/// <summary>
/// Headless Debian Chromium driven by Playwright for .NET, on one page of the dashboard. Records every HTTP request
/// the page makes, so a test can check that nothing is loaded from anywhere but the worker.
/// </summary>
internal sealed class DashboardBrowser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    // The machine's network is closed: without these Chromium keeps trying to reach its update and sync services.
    private static readonly string[] Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly List<string> _requests = [];

    private DashboardBrowser(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
        page.Request += (_, request) =>
        {
            lock (_requests)
            {
                _requests.Add(request.Url);
            }
        };
    }

    public IPage Page { get; }

    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>
    /// Opens the dashboard at <paramref name="baseUrl"/> and waits for its first refresh to finish. With
    /// <paramref name="contentSecurityPolicy"/> the page is served with that policy (whatever the server sends) and every
    /// violation is recorded for <see cref="CspViolationsAsync"/>. A <c>file:</c> page keeps its own policy (a meta
    /// element; Playwright routes no file requests): the violations are recorded all the same.
    /// </summary>
    public static async Task<DashboardBrowser> OpenAsync(string baseUrl, string? contentSecurityPolicy = null)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true, Args = Args });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 1000 } });
        var dashboard = new DashboardBrowser(playwright, browser, page);
        if (contentSecurityPolicy is not null)
        {
            await page.AddInitScriptAsync(
                "document.addEventListener('securitypolicyviolation', (e) => (window.cspViolations ??= []).push(`${e.violatedDirective} ${e.blockedURI}`));");
            if (!baseUrl.StartsWith("file:", StringComparison.Ordinal))
            {
                await page.RouteAsync(baseUrl, async route =>
                {
                    var response = await route.FetchAsync();
                    var headers = new Dictionary<string, string>(response.Headers) { ["content-security-policy"] = contentSecurityPolicy };
                    await route.FulfillAsync(new RouteFulfillOptions { Response = response, Headers = headers });
                });
            }
        }

        await page.GotoAsync(baseUrl);
        await page.WaitForSelectorAsync("body[data-loaded]");
        return dashboard;
    }

    /// <summary>The size of the canvas a chart container holds (uPlot draws into one canvas per chart).</summary>
    /// <summary>What the page's content security policy refused (directive and URI), when opened with one.</summary>
    public async Task<IReadOnlyList<string>> CspViolationsAsync() =>
        await Page.EvaluateAsync<string[]>("() => window.cspViolations ?? []");

    /// <summary>Reloads the page (as a person would rather than wait for the 15 s refresh) and waits for its refresh.</summary>
    public async Task ReloadAsync()
    {
        await Page.ReloadAsync();
        await Page.WaitForSelectorAsync("body[data-loaded]");
    }

    public async Task<(float Width, float Height)> CanvasSizeAsync(string containerId)
    {
        var box = await Page.Locator($"#{containerId} canvas").BoundingBoxAsync();
        return box is null ? (0, 0) : (box.Width, box.Height);
    }

    /// <summary>Where the screenshots go: <c>TestResults/screenshots/</c> under the test output (bin/Release/net10.0).</summary>
    public static string ScreenshotDirectory => Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    /// <summary>A full-page screenshot in <see cref="ScreenshotDirectory"/>; returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(ScreenshotDirectory, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
