using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Browser;

/// <summary>
/// A database and the worker as the README quick start starts it (<see cref="DashboardServer.StartQuickStartAsync"/>:
/// the repository's appsettings.json and the quick start's overrides), per test class instance.
/// </summary>
public abstract class QuickStartServerTests(PostgresServer postgres) : IAsyncLifetime
{
    internal TestDatabase Db { get; private set; } = null!;

    internal DashboardServer Server { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync(postgres);
        Server = await DashboardServer.StartQuickStartAsync(Db);
    }

    public virtual async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Db.DisposeAsync();
    }
}
