using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Telegram;

/// <summary>
/// <c>optauto run</c> as a real process against a fresh database and the loopback Bot API server, configured from the
/// documented environment variables. Derived classes carry <c>[Collection(PostgresCollection.Name)]</c>.
/// </summary>
public abstract class WorkerBotProcessBase(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase? _db;
    private BotApiServer? _api;

    protected TestDatabase Db => _db ?? throw new InvalidOperationException("the database is created in InitializeAsync.");

    private protected BotApiServer Api => _api ?? throw new InvalidOperationException("the Bot API server starts in InitializeAsync.");

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(server);
        _api = await BotApiServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }

    /// <summary>The bot's settings as a user sets them, aimed at <paramref name="apiBaseUrl"/>; the API on <paramref name="urls"/>.</summary>
    protected static Dictionary<string, string> BotEnvironment(string token, string apiBaseUrl, string approverIds, string urls) => new()
    {
        ["TELEGRAM_BOT_TOKEN"] = token,
        ["TELEGRAM_APPROVER_IDS"] = approverIds,
        ["Telegram__ApiBaseUrl"] = apiBaseUrl,
        ["Telegram__ChatId"] = BotHarness.ChatId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Telegram__CallbackSecret"] = BotHarness.Secret,
        ["Telegram__LongPollSeconds"] = "1",
        ["Service__Urls"] = urls,
        ["Jobs__Clustered"] = "false",
    };

    /// <summary>Polls <paramref name="condition"/> for up to a minute; the worker must stay up meanwhile.</summary>
    protected static async Task WaitUntilAsync(Func<Task<bool>> condition, System.Diagnostics.Process worker, string what)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            Assert.False(worker.HasExited, $"optauto run exited with {(worker.HasExited ? worker.ExitCode : 0)}");
            if (await condition())
            {
                return;
            }
        }

        throw new TimeoutException($"never within 60 s: {what}");
    }
}
