using System.Text.Json;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Telegram;

/// <summary>A test database, a loopback Bot API server and a connected worker (<see cref="BotHarness"/>) per test.</summary>
public abstract class BotTestBase(PostgresServer server) : IAsyncLifetime
{
    private long _lastUpdate;

    private protected TestDatabase Db { get; private set; } = null!;

    private protected BotApiServer Api { get; private set; } = null!;

    private protected BotHarness Worker { get; set; } = null!;

    public async Task InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync(server);
        Api = await BotApiServer.StartAsync();
        Worker = BotHarness.Start(Db, Api);
        await Worker.Bot.ConnectAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await Worker.DisposeAsync();
        await Api.DisposeAsync();
        await Db.DisposeAsync();
    }

    /// <summary>The id of the next update the test sends (Telegram numbers them upwards).</summary>
    private protected long NextUpdateId() => ++_lastUpdate;

    /// <summary>Sends <paramref name="text"/> as an update and returns the bot's reply (the last sendMessage).</summary>
    private protected async Task<JsonElement> SayAsync(string text, long from = BotHarness.Alice)
    {
        Api.AddUpdate(BotUpdates.Text(NextUpdateId(), from, text, BotHarness.ChatId));
        Assert.Equal(1, await Worker.Bot.PollOnceAsync(CancellationToken.None));
        var reply = Api.Calls("sendMessage")[^1].Body;
        Assert.Equal(BotHarness.ChatId, reply.GetProperty("chat_id").GetInt64());
        return reply;
    }

    private protected async Task<long> ScalarAsync(string sql)
    {
        await using var command = Db.DataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
