using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Browser;

/// <summary>A database of its own and the worker serving the dashboard over it, per test class instance.</summary>
public abstract class DashboardPageTests(PostgresServer postgres) : IAsyncLifetime
{
    private protected TestDatabase Db { get; private set; } = null!;

    private protected DashboardServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync(postgres);
        Server = await DashboardServer.StartAsync(Db);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Db.DisposeAsync();
    }
}
