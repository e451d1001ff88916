using System.Text.Json;
using OptionsAutomation.Integration.Tests.Cli;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Worker;

/// <summary>
/// Without a Telegram token the worker delivers alerts to its log (<c>Alerts:Channel</c> auto → log): the row is
/// settled as delivery <c>log</c>, the alert's text is in the log file, and /api/alerts shows where it went.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
public sealed class LogAlertChannelTests(PostgresServer server) : CliTestBase(server)
{
    [Fact]
    public async Task WithoutABot_AnAlertIsWrittenToTheLogAndMarkedDelivered()
    {
        var port = LoopbackPort.Free();
        using var optauto = new OptautoProcess(Db.ConnectionString, new Dictionary<string, string>
        {
            ["Service__Urls"] = $"http://127.0.0.1:{port}",
            ["Jobs__Clustered"] = "false",
            ["Alerts__LogPollSeconds"] = "0.5",
        });
        using var worker = optauto.Start("run");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        try
        {
            await ServingAsync(http, worker, optauto);
            // The alert comes from another process (the CLI), through the outbox, as in real use.
            (await optauto.RunAsync("trading", "halt", "--reason", "log channel test")).Succeeded();
            for (var deadline = DateTime.UtcNow.AddSeconds(60); await Db.CountAsync("outbox", "delivery = 'log'") == 0; await Task.Delay(200))
            {
                Assert.True(DateTime.UtcNow < deadline, $"the alert was never delivered to the log{System.Environment.NewLine}{optauto.StartedStderr}");
                Assert.False(worker.HasExited, optauto.StartedStderr);
            }

            Assert.Equal(1, await Db.CountAsync("outbox", "payload->>'kind' = 'trading_state' AND delivery = 'log' AND delivered_at IS NOT NULL AND attempts = 1"));
            Assert.Equal(0, await Db.CountAsync("outbox", "delivered_at IS NULL"));

            using var alerts = JsonDocument.Parse(await http.GetStringAsync("/api/alerts"));
            var alert = Assert.Single(alerts.RootElement.EnumerateArray());
            Assert.Equal("log", alert.GetProperty("delivery").GetString());
            Assert.Equal(JsonValueKind.String, alert.GetProperty("delivered_at").ValueKind);
            using var pending = JsonDocument.Parse(await http.GetStringAsync("/api/alerts?pending=true"));
            Assert.Empty(pending.RootElement.EnumerateArray());
        }
        finally
        {
            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync();
        }

        var logged = Directory.GetFiles(Path.Combine(optauto.WorkDirectory, "logs")).SelectMany(File.ReadLines)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(e => e.GetProperty("MessageTemplate").GetString()!.StartsWith("ALERT ", StringComparison.Ordinal))
            .ToList();
        var entry = Assert.Single(logged);
        Assert.Equal("Trading ACTIVE → HALTED by cli: log channel test", entry.GetProperty("Properties").GetProperty("Text").GetString());
        Assert.Equal("trading_state", entry.GetProperty("Properties").GetProperty("Kind").GetString());
    }

    private static async Task ServingAsync(HttpClient http, System.Diagnostics.Process worker, OptautoProcess optauto)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(60); ; await Task.Delay(200))
        {
            Assert.True(DateTime.UtcNow < deadline && !worker.HasExited, $"the worker never served{System.Environment.NewLine}{optauto.StartedStderr}");
            try
            {
                using var response = await http.GetAsync("/health");
                return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
        }
    }

    [Fact]
    public async Task AskingForTelegramWithoutAToken_IsRefusedNamingBothKeys()
    {
        var run = (await Cli.RunAsync("run", "--Alerts:Channel=telegram", "--Service:Urls=http://127.0.0.1:0")).WasRefused();

        Assert.Contains("Alerts:Channel = 'telegram' needs Telegram:BotToken", run.Stderr, StringComparison.Ordinal);
    }
}
