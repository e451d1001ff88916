using OptionsAutomation.Integration.Tests.Cli;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Telegram;

/// <summary>
/// <c>optauto run</c> as a real process with the bot configured from the documented environment variables,
/// talking to a loopback Bot API server: what <c>./scripts/run.sh</c> does with a token set.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
public sealed class WorkerBotProcessTests(PostgresServer server) : WorkerBotProcessBase(server)
{
    [Fact]
    public async Task WithATokenSet_TheWorkerConnects_AndAnswersAnApproverInTheChat()
    {
        var port = LoopbackPort.Free();
        var environment = new Dictionary<string, string>(Environment(BotApiServer.Token)) { ["Service__Urls"] = $"http://127.0.0.1:{port}" };
        using var optauto = new OptautoProcess(Db.ConnectionString, environment);
        Api.AddUpdate(BotUpdates.Text(1, BotHarness.Alice, "/halt from my phone", BotHarness.ChatId, date: DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        using (var worker = optauto.Start("run"))
        {
            await WaitUntilAsync(() => Task.FromResult(Api.Calls("sendMessage").Any(c => c.Body.GetProperty("text").GetString() == "Trading is now <b>HALTED</b>.")), worker, "the bot answers /halt");
            // The change is also an alert, delivered from the outbox to the configured chat.
            await WaitUntilAsync(() => Task.FromResult(Api.Calls("sendMessage").Any(c => c.Body.GetProperty("text").GetString() == "Trading ACTIVE → HALTED by telegram:111: from my phone")), worker, "the alert reaches the chat");
            // /health reports the bot polling.
            using var health = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/health"));
            var telegram = health.RootElement.GetProperty("checks").GetProperty("telegram");
            Assert.Equal(("ok", "optauto_bot"), (telegram.GetProperty("status").GetString(), telegram.GetProperty("bot").GetString()));
            Assert.Equal(System.Text.Json.JsonValueKind.String, telegram.GetProperty("last_poll_at").ValueKind);
            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync();
        }

        Assert.Single(Api.Calls("getMe"));
        Assert.Single(Api.Calls("deleteWebhook"));
        Assert.Single(Api.Calls("setMyCommands"));
        Assert.Equal(1, await Db.CountAsync("trading_controls", "trading_state = 'HALTED' AND state_changed_by = 'telegram:111' AND state_reason = 'from my phone'"));
        Assert.Equal(1, await Db.CountAsync("telegram_poll_state", "bot_id = 123456 AND last_update_id = 1"));
        Assert.Equal(1, await Db.CountAsync("outbox", "payload->>'kind' = 'trading_state' AND delivery = 'sent' AND attempts = 1"));
    }

    [Fact]
    public async Task AWrongToken_StopsTheStartWithAClearError()
    {
        using var optauto = new OptautoProcess(Db.ConnectionString, Environment("999:not-the-token"));

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
        using var optauto = new OptautoProcess(Db.ConnectionString, environment);

        var run = await optauto.RunAsync("run");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Telegram:CallbackSecret is required when Telegram:BotToken is set.", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(Api.Requests);
    }

    private Dictionary<string, string> Environment(string token) =>
        BotEnvironment(token, Api.BaseUrl, $"{BotHarness.Alice}, 222", "http://127.0.0.1:0");
}
