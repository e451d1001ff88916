using Npgsql;
using OptionsAutomation.Infrastructure.Postgres;

namespace OptionsAutomation.Integration.Tests.Support;

/// <summary>
/// The real PostgreSQL server the integration tests use: <c>OPTAUTO_TEST_POSTGRES</c> when set (test.sh
/// sets it), otherwise a private cluster under .data/pg-test started with the same scripts/db.sh.
/// Each test class gets a database of its own from <see cref="CreateDatabaseAsync"/>. The two roles of a deployment
/// (README "Database roles") exist on it, for the tests that connect as them; they log in without a password, as on
/// the private cluster (trust on loopback).
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string OwnerRole = PostgresConnection.PrivateClusterOwnerRole;
    public const string AppRole = PostgresConnection.PrivateClusterAppRole;

    private const string DefaultTestPort = "55433";

    public string AdminConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable("OPTAUTO_TEST_POSTGRES");
        AdminConnectionString = string.IsNullOrWhiteSpace(configured) ? await StartPrivateClusterAsync() : configured;
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        foreach (var role in new[] { OwnerRole, AppRole })
        {
            // Roles belong to the cluster: made once, kept for the next run (scripts/db.sh makes the same ones).
            await using var create = new NpgsqlCommand(
                $"DO $$ BEGIN CREATE ROLE {role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE; EXCEPTION WHEN duplicate_object THEN NULL; END $$",
                connection);
            await create.ExecuteNonQueryAsync();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A new, empty database (owned by <paramref name="owner"/>, else by the admin); the caller migrates it if it needs the schema.</summary>
    /// <returns>the admin's connection string to it.</returns>
    public async Task<string> CreateDatabaseAsync(string? owner = null)
    {
        var name = $"optauto_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}{(owner is null ? "" : $" OWNER {owner}")}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary><paramref name="connectionString"/> logging in as <paramref name="role"/> instead (without the admin's password).</summary>
    public static string As(string connectionString, string role) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Username = role, Password = null }.ConnectionString;

    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task<string> StartPrivateClusterAsync()
    {
        var root = RepositoryRoot.Path;
        var environment = new Dictionary<string, string>
        {
            ["OPTAUTO_PG_DIR"] = Path.Combine(root, ".data", "pg-test"),
            ["OPTAUTO_PG_PORT"] = Environment.GetEnvironmentVariable("OPTAUTO_TEST_PG_PORT") ?? DefaultTestPort,
            ["OPTAUTO_PG_DB"] = "postgres",
        };
        var db = Path.Combine(root, "scripts", "db.sh");
        var start = await ProcessRunner.RunAsync(db, ["start"], environment, TimeSpan.FromMinutes(5));
        if (start.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/db.sh start failed ({start.ExitCode}): {start.Stderr}");
        }

        var url = await ProcessRunner.RunAsync(db, ["url"], environment, TimeSpan.FromSeconds(30));
        return url.Stdout.Trim();
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
