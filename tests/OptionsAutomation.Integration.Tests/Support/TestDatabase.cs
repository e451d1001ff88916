using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Postgres;

namespace OptionsAutomation.Integration.Tests.Support;

/// <summary>A fresh, migrated database of its own for one test class, dropped at the end.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly PostgresServer _server;

    private TestDatabase(PostgresServer server, string connectionString)
    {
        _server = server;
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public static async Task<TestDatabase> CreateAsync(PostgresServer server, bool migrate = true)
    {
        var database = new TestDatabase(server, await server.CreateDatabaseAsync());
        if (migrate)
        {
            await database.Migrator().MigrateAsync(RepositoryRoot.Migrations, CancellationToken.None);
        }

        return database;
    }

    public MigrationRunner Migrator() => new(DataSource, NullLogger<MigrationRunner>.Instance);

    public PostgresPositionStore Store(TimeProvider clock) => new(DataSource, clock, NullLogger<PostgresPositionStore>.Instance);

    public PositionManager Positions(TimeProvider clock, ExitRuleSettings? rules = null) =>
        new(Store(clock), rules ?? new ExitRuleSettings(), clock);

    public async Task<long> CountAsync(string table, string where = "true")
    {
        await using var command = DataSource.CreateCommand($"SELECT count(*) FROM {table} WHERE {where}");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await _server.DropDatabaseAsync(ConnectionString);
    }
}
