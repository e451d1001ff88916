using OptionsAutomation.Integration.Tests.Cli;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Telegram;

/// <summary>
/// <c>optauto run</c> as a real process with the bot configured from the documented environment variables,
/// talking to a loopback Bot API server: what <c>./scripts/run.sh</c> does with a token set.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
public sealed class WorkerBotProcessTests(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private BotApiServer _api = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(server);
        _api = await BotApiServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task WithATokenSet_TheWorkerConnects_AndAnswersAnApproverInTheChat()
    {
        var port = LoopbackPort.Free();
        var environment = new Dictionary<string, string>(Environment(BotApiServer.Token)) { ["Service__Urls"] = $"http://127.0.0.1:{port}" };
        using var optauto = new OptautoProcess(_db.ConnectionString, environment);
        _api.AddUpdate(BotUpdates.Text(1, BotHarness.Alice, "/halt from my phone", BotHarness.ChatId, date: DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        using (var worker = optauto.Start("run"))
        {
            await WaitForAsync(() => _api.Calls("sendMessage").Any(c => c.Body.GetProperty("text").GetString() == "Trading is now <b>HALTED</b>."), worker);
            // The change is also an alert, delivered from the outbox to the configured chat.
            await WaitForAsync(() => _api.Calls("sendMessage").Any(c => c.Body.GetProperty("text").GetString() == "Trading ACTIVE → HALTED by telegram:111: from my phone"), worker);
            // /health reports the bot polling.
            using var health = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/health"));
            var telegram = health.RootElement.GetProperty("checks").GetProperty("telegram");
            Assert.Equal(("ok", "optauto_bot"), (telegram.GetProperty("status").GetString(), telegram.GetProperty("bot").GetString()));
            Assert.Equal(System.Text.Json.JsonValueKind.String, telegram.GetProperty("last_poll_at").ValueKind);
            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync();
        }

        Assert.Single(_api.Calls("getMe"));
        Assert.Single(_api.Calls("deleteWebhook"));
        Assert.Single(_api.Calls("setMyCommands"));
        Assert.Equal(1, await _db.CountAsync("trading_controls", "trading_state = 'HALTED' AND state_changed_by = 'telegram:111' AND state_reason = 'from my phone'"));
        Assert.Equal(1, await _db.CountAsync("telegram_poll_state", "bot_id = 123456 AND last_update_id = 1"));
        Assert.Equal(1, await _db.CountAsync("outbox", "payload->>'kind' = 'trading_state' AND delivery = 'sent' AND attempts = 1"));
    }

    [Fact]
    public async Task AWrongToken_StopsTheStartWithAClearError()
    {
        using var optauto = new OptautoProcess(_db.ConnectionString, Environment("999:not-the-token"));

        var run = await optauto.RunAsync("run");

        Assert.Equal(1, run.ExitCode);
        // The client's own log line about the refusal comes first; the last line is the refusal to start.
        Assert.Equal(
            "error: invalid configuration: Telegram refused Telegram:BotToken (401 Unauthorized); get the token from @BotFather.",
            run.Stderr.Trim().Split('\n')[^1]);
        Assert.DoesNotContain("not-the-token", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATokenWithoutACallbackSecret_IsRefusedNamingTheKey()
    {
        var environment = new Dictionary<string, string>(Environment(BotApiServer.Token)) { ["Telegram__CallbackSecret"] = "" };
        using var optauto = new OptautoProcess(_db.ConnectionString, environment);

        var run = await optauto.RunAsync("run");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Telegram:CallbackSecret is required when Telegram:BotToken is set.", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(_api.Requests);
    }

    private Dictionary<string, string> Environment(string token) => new()
    {
        ["TELEGRAM_BOT_TOKEN"] = token,
        ["TELEGRAM_APPROVER_IDS"] = $"{BotHarness.Alice}, 222",
        ["Telegram__ApiBaseUrl"] = _api.BaseUrl,
        ["Telegram__ChatId"] = BotHarness.ChatId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Telegram__CallbackSecret"] = BotHarness.Secret,
        ["Telegram__LongPollSeconds"] = "1",
        ["Service__Urls"] = "http://127.0.0.1:0",
        ["Jobs__Clustered"] = "false",
    };

    private static async Task WaitForAsync(Func<bool> condition, System.Diagnostics.Process worker)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            if (condition())
            {
                return;
            }

            Assert.False(worker.HasExited, $"optauto run exited with {(worker.HasExited ? worker.ExitCode : 0)}");
        }

        throw new TimeoutException("the worker never answered in the chat");
    }
}
