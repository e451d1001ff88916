using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Telegram;

/// <summary>A test database, a loopback Bot API server and a connected worker (<see cref="BotHarness"/>) per test.</summary>
public abstract class BotTestBase(PostgresServer server) : IAsyncLifetime
{
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

    private protected async Task<long> ScalarAsync(string sql)
    {
        await using var command = Db.DataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
