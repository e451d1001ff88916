using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Integration.Tests.Browser;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Api;

/// <summary>
/// Who may talk to the service and what it tells them: the Host allow-list, the security headers on every answer,
/// <c>/health</c> without stack traces, the problem answers in the OpenAPI document and the Swagger UI at <c>/docs</c>.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class ApiSecurityTests(PostgresServer server) : ApiTestBase(server)
{
    [Theory]
    [InlineData("evil.example", HttpStatusCode.BadRequest)]
    [InlineData("127.0.0.1.nip.io:8005", HttpStatusCode.BadRequest)]
    [InlineData("localhost:8005", HttpStatusCode.OK)]
    [InlineData("[::1]:1234", HttpStatusCode.OK)]
    [InlineData("127.0.0.1", HttpStatusCode.OK)]
    public async Task OnlyTheAllowedHostNames_AreServed_OnAnyPort(string host, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/info");
        request.Headers.Host = host;
        using var response = await Api.Http.SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        if (status == HttpStatusCode.BadRequest)
        {
            // ASP.NET Core's host filtering answers first, before anything else in the pipeline runs.
            Assert.Contains("Invalid Hostname", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/js/main.js")]
    [InlineData("/api/info")]
    [InlineData("/api/nothing-here")]
    [InlineData("/api/report?from=1900-01-01")]
    [InlineData("/docs/index.html")]
    [InlineData("/health")]
    public async Task EveryAnswer_CarriesTheSecurityHeaders(string path)
    {
        using var response = await Api.Http.GetAsync(path);

        // /docs admits the one inline style the Swagger UI inserts, by its hash; nothing admits an inline script.
        var style = path.StartsWith("/docs", StringComparison.Ordinal) ? "style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='" : "style-src 'self'";
        Assert.Equal(
            "default-src 'self'; script-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; " + style,
            Header(response, "Content-Security-Policy"));
        Assert.Equal(("DENY", "nosniff", "no-referrer"), (Header(response, "X-Frame-Options"), Header(response, "X-Content-Type-Options"), Header(response, "Referrer-Policy")));
    }

    [Fact]
    public async Task TheDashboardPage_HasNoInlineScriptOrStyle_SoTheCspLetsItRun()
    {
        var html = await Api.Http.GetStringAsync("/");
        Assert.Empty(InlineScript().Matches(html));
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Health_ShowsTheFirstLineOfAFailure_NeverItsStackTrace()
    {
        await using var api = await ApiHarness.StartAsync(Db, replaceServices: s => s.AddSingleton<IMarketData>(new BrokenFeed()));

        using var response = await api.Http.GetAsync("/health");

        var body = await response.Content.ReadAsStringAsync();
        var freshness = (await ApiHarness.ReadJsonAsync(response)).GetProperty("checks").GetProperty("data_freshness");
        Assert.Equal("unavailable", freshness.GetProperty("status").GetString());
        Assert.Equal("InvalidOperationException: Failed to read quotes from 'feed': System.TimeoutException: The feed did not answer.", freshness.GetProperty("detail").GetString());
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("--->", body, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(BrokenFeed), body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_ListsTheProblemAnswersOfEachRoute()
    {
        var paths = (await Api.GetJsonAsync("/openapi/v1.json")).GetProperty("paths");

        Assert.Equal(["200", "400", "500", "503"], Problems(paths, "/api/report", "get"));
        Assert.Equal(["200", "400", "404", "500", "503"], Problems(paths, "/api/positions/{id}", "get"));
        Assert.Equal(["200", "400", "401", "403", "404", "409", "413", "500", "503"], Problems(paths, "/api/proposals/{id}/approve", "post"));
        Assert.Equal(["200", "401", "403", "409", "413", "500", "503"], Problems(paths, "/api/risk/breaker/reset", "post"));
        Assert.Equal(["200", "500", "503"], Problems(paths, "/api/metrics", "get"));
        var conflict = paths.GetProperty("/api/positions/{id}/close").GetProperty("post").GetProperty("responses").GetProperty("409");
        Assert.True(conflict.GetProperty("content").TryGetProperty("application/problem+json", out _));
    }

    [Fact]
    public async Task Docs_IsTheSwaggerUi_ServedFromTheWorker_WithEveryAssetLoading()
    {
        using var page = await Api.Http.GetAsync("/docs");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Empty(InlineScript().Matches(html));

        var assets = Asset().Matches(html).Select(m => m.Groups["url"].Value).ToList();
        Assert.Contains("index.js", assets);
        Assert.All(assets, url => Assert.DoesNotMatch("^(https?:)?//", url));
        foreach (var asset in assets)
        {
            using var response = await Api.Http.GetAsync(new Uri(page.RequestMessage!.RequestUri!, asset));
            Assert.True(response.IsSuccessStatusCode, $"{asset}: {(int)response.StatusCode}");
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 0, asset);
        }

        // The page's configuration points at our document, which the UI fetches from the same origin.
        var script = await Api.Http.GetStringAsync("/docs/index.js");
        Assert.Contains("/openapi/v1.json", script, StringComparison.Ordinal);
    }

    [BrowserFact]
    [Trait("Category", "Browser")]
    public async Task Docs_RendersInChromium_UnderTheCsp_LoadingNothingFromElsewhere()
    {
        var origin = Api.Http.BaseAddress!.ToString();
        await using var browser = await DashboardBrowser.OpenAsync(origin);
        var page = browser.Page;
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            lock (refused)
            {
                if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                {
                    refused.Add(message.Text);
                }
            }
        };

        await page.GotoAsync(origin + "docs");

        await page.Locator(".swagger-ui .info .title").WaitForAsync();
        Assert.Contains("OptionsAutomation Position Service", await page.Locator(".swagger-ui .info .title").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator(".opblock").CountAsync() >= 20);
        lock (refused)
        {
            Assert.True(refused.Count == 0, string.Join("\n", refused));
        }

        Assert.All(browser.Requests.Where(u => u.StartsWith("http", StringComparison.Ordinal)), url => Assert.StartsWith(origin, url, StringComparison.Ordinal));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        string.Join(",", response.Headers.TryGetValues(name, out var values) ? values : response.Content.Headers.TryGetValues(name, out var content) ? content : []);

    private static List<string> Problems(System.Text.Json.JsonElement paths, string path, string method)
    {
        var responses = paths.GetProperty(path).GetProperty(method).GetProperty("responses");
        return [.. responses.EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal)];
    }

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("(?:src|href)=\"(?<url>[^\"]+)\"")]
    private static partial Regex Asset();

    /// <summary>A feed that fails as some libraries do: the inner exception's ToString, frames and all, in the message.</summary>
    private sealed class BrokenFeed : IMarketData
    {
        public ValueTask<UnderlyingQuote?> GetUnderlyingQuoteAsync(string symbol, DateTimeOffset asOf, CancellationToken cancellationToken)
        {
            try
            {
                throw new TimeoutException("The feed did not answer.");
            }
            catch (TimeoutException e)
            {
                throw new InvalidOperationException($"Failed to read quotes from 'feed': {e}", e);
            }
        }

        public ValueTask<OptionQuote?> GetOptionQuoteAsync(OptionContract contract, DateTimeOffset asOf, CancellationToken cancellationToken) => ValueTask.FromResult<OptionQuote?>(null);

        public ValueTask<OptionChain?> GetChainAsync(string underlying, DateTimeOffset asOf, CancellationToken cancellationToken) => ValueTask.FromResult<OptionChain?>(null);
    }
}
