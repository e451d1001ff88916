using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OptionsAutomation.Integration.Tests.Browser;
using OptionsAutomation.Integration.Tests.Cli;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Api;

/// <summary>
/// <c>POST /api/backtest</c> over real HTTP, against <c>optauto backtest</c> run as a process with the same settings
/// (the repository's appsettings.json and the quick start's two overrides, as <see cref="DashboardServer"/> starts the
/// worker): the same statistics, the same refusals, one run at a time.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ApiBacktestTests(PostgresServer postgres) : QuickStartServerTests(postgres), IDisposable
{
    private const string NoDatabase = "Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=2";
    private static readonly string[] QuickStartOverrides = ["--Execution:AllowOutsideSession=true", "--ExitRules:ExitAtDaysToExpiry=45"];

    private readonly OptautoProcess _cli = new(NoDatabase);
    private HttpClient _http = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _http = new HttpClient { BaseAddress = new Uri(Server.BaseUrl), Timeout = TimeSpan.FromMinutes(3) };
    }

    public override async Task DisposeAsync()
    {
        _http.Dispose();
        await base.DisposeAsync();
    }

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task March2021_AnswersTheStatsAndTradesTheCliPrints_AndTheChartSeries()
    {
        var cli = (await _cli.RunAsync(["backtest", "--from", "2021-03-01", "--to", "2021-03-31", "--json", .. QuickStartOverrides])).Succeeded().Json();

        using var response = await PostAsync(new { from = "2021-03-01", to = "2021-03-31" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var expected = JsonNode.Parse(cli.GetRawText())!;
        foreach (var part in new[] { "stats", "trades", "equity", "run", "assumptions", "settings" })
        {
            Assert.True(JsonNode.DeepEquals(expected[part], page["backtest"]![part]), $"{part}: CLI {expected[part]!.ToJsonString()} vs API {page["backtest"]![part]!.ToJsonString()}");
        }

        var points = page["charts"]!["points"]!.AsArray();
        Assert.Equal(23, points.Count);
        Assert.Equal(cli.GetProperty("equity")[22].GetProperty("equity").GetDecimal(), points[22]!["equity"]!.GetValue<decimal>());
        // SPY closed 2021-02-26 at 380.36 and 2021-03-31 at 396.33: $100,000 held is $104,198.65.
        Assert.Equal(104_198.65m, points[22]!["buy_hold"]!.GetValue<decimal>());
        Assert.Equal((2021, 3), (page["charts"]!["months"]![0]!["year"]!.GetValue<int>(), page["charts"]!["months"]![0]!["month"]!.GetValue<int>()));
        Assert.Equal(cli.GetProperty("trades").GetArrayLength(), page["charts"]!["pnl_histogram"]!.AsArray().Sum(b => b!["trades"]!.GetValue<int>()));
    }

    [Fact]
    public async Task PutWriteProfile_AnswersWhatTheCliPrints()
    {
        var cli = (await _cli.RunAsync(["backtest", "--profile", "putwrite", "--from", "2018-11-16", "--to", "2018-12-21", "--json", .. QuickStartOverrides])).Succeeded().Json();

        using var response = await PostAsync(new { profile = "putwrite", from = "2018-11-16", to = "2018-12-21" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var expected = JsonNode.Parse(cli.GetRawText())!;
        foreach (var part in new[] { "stats", "trades", "equity", "settings" })
        {
            Assert.True(JsonNode.DeepEquals(expected[part], page["backtest"]![part]), $"{part}: CLI {expected[part]!.ToJsonString()} vs API {page["backtest"]![part]!.ToJsonString()}");
        }

        // The hand-computed month (PutWriteMonthTests): the 273 put assigned, then the 240 put sold on the roll.
        Assert.Equal(91_861.62m, page["backtest"]!["equity"]!.AsArray()[^1]!["equity"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task BadInput_Is400_WithTheCliMessage()
    {
        foreach (var (body, args) in new (object Body, string[] Args)[]
        {
            (new { from = "2021-03-31", to = "2021-03-01" }, ["--from", "2021-03-31", "--to", "2021-03-01"]),
            (new { from = "2021-03-01", to = "2021-03-31", approval_share = 2m }, ["--from", "2021-03-01", "--to", "2021-03-31", "--Backtest:ApprovalShare=2"]),
            (new { profile = "nosuch" }, ["--profile", "nosuch"]),
            (new { from = "2021-03-01", starting_equity = 0m }, ["--from", "2021-03-01", "--starting-equity", "0"]),
        })
        {
            var cli = (await _cli.RunAsync(["backtest", .. args, .. QuickStartOverrides])).WasRefused();

            using var response = await PostAsync(body);

            var problem = await ApiProblems.ReadAsync(response, HttpStatusCode.BadRequest);
            Assert.Equal(cli.Stderr.Trim(), $"error: {problem.GetProperty("detail").GetString()}");
        }
    }

    [Fact]
    public async Task SecondRunWhileOneRuns_Is409_AndARunStopsWhenItsClientGoes()
    {
        // A short run first, so the endpoint is warm and the long one reaches its slot at once.
        using (var warm = await PostAsync(new { from = "2021-03-01", to = "2021-03-05" }))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        // The whole history: several seconds, long enough to be refused beside.
        using var leave = new CancellationTokenSource();
        Task<HttpResponseMessage> StartWhole() => PostAsync(new { from = "2000-01-03", to = "2025-12-31" }, leave.Token);
        var whole = StartWhole();

        // Requests refused at once when they run (an unknown profile), so none holds the slot for longer than a check;
        // retried until the long run holds the slot, so no fixed wait is needed for it to get there.
        var problem = await RetryAsync(HttpStatusCode.BadRequest, async () =>
        {
            if (whole.IsCompleted)
            {
                // The long run reached the slot while a check held it, and was refused: start it again.
                using var refused = await whole;
                Assert.True(refused.StatusCode == HttpStatusCode.Conflict, $"the whole history answered {(int)refused.StatusCode}: {await refused.Content.ReadAsStringAsync()}");
                whole = StartWhole();
            }

            using var second = await PostAsync(new { profile = "none" });
            return (second.StatusCode, await ApiHarness.ReadJsonAsync(second));
        });

        Assert.False(whole.IsCompleted, "the whole history finished before a second request was refused");
        Assert.Equal("Backtest running", problem.GetProperty("title").GetString());

        // The client goes away: the run stops between sessions and frees the slot for the next one.
        await leave.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => whole);
        var freed = await RetryAsync(HttpStatusCode.Conflict, async () =>
        {
            using var next = await PostAsync(new { from = "2021-03-01", to = "2021-03-05" });
            return (next.StatusCode, await ApiHarness.ReadJsonAsync(next));
        });
        Assert.Equal(5, freed.GetProperty("backtest").GetProperty("run").GetProperty("sessions").GetInt32());
    }

    [Fact]
    public async Task Choices_ComeFromTheServer_ARunNeedsTheToken_AndOpenApiListsIt()
    {
        var choices = JsonDocument.Parse(await _http.GetStringAsync("api/backtest")).RootElement;
        Assert.Equal(["default", "putwrite"], choices.GetProperty("profiles").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(("2000-01-03", "2025-12-31", 100_000m),
            (choices.GetProperty("history_from").GetString(), choices.GetProperty("history_to").GetString(), choices.GetProperty("starting_equity").GetDecimal()));

        using var anonymous = await _http.PostAsync("api/backtest", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        var openApi = JsonDocument.Parse(await _http.GetStringAsync("openapi/v1.json")).RootElement;
        var path = openApi.GetProperty("paths").GetProperty("/api/backtest");
        Assert.True(path.TryGetProperty("post", out _) && path.TryGetProperty("get", out _), path.ToString());
    }

    private Task<HttpResponseMessage> PostAsync(object body, CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/backtest")
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DashboardServer.ApiToken);
        return _http.SendAsync(request, cancellationToken);
    }

    /// <summary>Asks again every 200 ms, for up to 20 s, while the answer is <paramref name="meanwhile"/>; then the answer must be the other one.</summary>
    private static async Task<JsonElement> RetryAsync(HttpStatusCode meanwhile, Func<Task<(HttpStatusCode Status, JsonElement Body)>> attempt)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        var (status, body) = await attempt();
        while (status == meanwhile && DateTime.UtcNow < until)
        {
            await Task.Delay(200);
            (status, body) = await attempt();
        }

        Assert.True(status != meanwhile, $"still {(int)status} after 20 s: {body}");
        return body;
    }
}
