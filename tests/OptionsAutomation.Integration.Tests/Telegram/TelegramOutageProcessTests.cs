using System.Text.Json;
using OptionsAutomation.Integration.Tests.Cli;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Telegram;

/// <summary>
/// <c>optauto run</c> with a token while Telegram is out (the loopback Bot API answers 502, or is not there at all):
/// the worker starts anyway — the exit rules must not wait on a chat — says it is degraded in /health and the log,
/// and connects by itself once Telegram answers.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
public sealed class TelegramOutageProcessTests(PostgresServer server) : WorkerBotProcessBase(server)
{
    [Fact]
    public async Task Telegram502AtStart_StartsDegraded_ThenRecoversWhenItAnswers()
    {
        Api.Down = true;
        var port = LoopbackPort.Free();
        using var optauto = new OptautoProcess(Db.ConnectionString, Environment(Api.BaseUrl, port));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        using var worker = optauto.Start("run");
        try
        {
            var degraded = await HealthAsync(http, worker, h => h.GetProperty("checks").GetProperty("telegram").GetProperty("status").GetString() == "failing");
            Assert.Equal("degraded", degraded.GetProperty("status").GetString());
            Assert.Contains("502", degraded.GetProperty("checks").GetProperty("telegram").GetProperty("last_error").GetString(), StringComparison.Ordinal);
            Assert.Contains(optauto.StartedStderr.Split('\n'), l => l.Contains("Telegram unreachable at start-up, starting DEGRADED", StringComparison.Ordinal));
            Assert.Contains(optauto.StartedStderr.Split('\n'), l => l.Contains("Worker ready", StringComparison.Ordinal));

            Api.Down = false;

            var recovered = await HealthAsync(http, worker, h => h.GetProperty("checks").GetProperty("telegram").GetProperty("status").GetString() == "ok");
            Assert.Equal("optauto_bot", recovered.GetProperty("checks").GetProperty("telegram").GetProperty("bot").GetString());
            Assert.Contains(optauto.StartedStderr.Split('\n'), l => l.Contains("Telegram reachable: the bot is connected", StringComparison.Ordinal));
            Assert.True(Api.Calls("getMe").Count >= 2, "getMe is retried until Telegram answers");
        }
        finally
        {
            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync();
        }

        Assert.DoesNotContain(BotApiServer.Token, optauto.StartedStderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoBotApiServerAtAllAtStart_StillStartsTheWorker()
    {
        // A port nothing listens on: connection refused, as when the network is down.
        var port = LoopbackPort.Free();
        using var optauto = new OptautoProcess(Db.ConnectionString, Environment($"http://127.0.0.1:{LoopbackPort.Free()}", port));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        using var worker = optauto.Start("run");
        try
        {
            var degraded = await HealthAsync(http, worker, h => h.GetProperty("checks").GetProperty("telegram").GetProperty("status").GetString() == "failing");
            Assert.Equal("degraded", degraded.GetProperty("status").GetString());
            Assert.StartsWith("not connected: Telegram could not be reached", degraded.GetProperty("checks").GetProperty("telegram").GetProperty("last_error").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync();
        }
    }

    private static Dictionary<string, string> Environment(string apiBaseUrl, int port) =>
        new(BotEnvironment(BotApiServer.Token, apiBaseUrl, $"{BotHarness.Alice}", $"http://127.0.0.1:{port}"))
        {
            // Few, short retries inside one call: the start-up connect gives up quickly, the worker's own backoff does the rest.
            ["Telegram__MaxRetries"] = "1",
            ["Telegram__RetryBaseDelaySeconds"] = "0.1",
        };

    /// <summary>Polls /health until <paramref name="condition"/> holds (the worker must stay up meanwhile).</summary>
    private static async Task<JsonElement> HealthAsync(HttpClient http, System.Diagnostics.Process worker, Func<JsonElement, bool> condition)
    {
        JsonElement? last = null;
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            Assert.False(worker.HasExited, $"optauto run exited with {(worker.HasExited ? worker.ExitCode : 0)}");
            try
            {
                using var response = await http.GetAsync("/health");
                using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                last = document.RootElement.Clone();
                if (condition(last.Value))
                {
                    return last.Value;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
        }

        throw new TimeoutException($"/health never reached the expected state; last: {last}");
    }
}
