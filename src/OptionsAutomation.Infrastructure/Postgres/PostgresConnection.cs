using Microsoft.Extensions.Configuration;
using Npgsql;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>Where the database is: <c>ConnectionStrings:Postgres</c>, else the private cluster of scripts/db.sh.</summary>
public static class PostgresConnection
{
    public const string ConfigKey = "Postgres";
    public const int PrivateClusterDefaultPort = 55432;

    public static string Resolve(IConfiguration configuration)
    {
        var configured = configuration.GetConnectionString(ConfigKey);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var port = Environment.GetEnvironmentVariable("OPTAUTO_PG_PORT");
        return $"Host=127.0.0.1;Port={(string.IsNullOrWhiteSpace(port) ? PrivateClusterDefaultPort : port)};Username=postgres;Database=optauto";
    }

    /// <summary>The connection string with any password replaced, safe to log.</summary>
    public static string Redact(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.Password))
        {
            builder.Password = "***";
        }

        return builder.ConnectionString;
    }

    /// <summary>Creates the target database when the server says it does not exist (first run on a new cluster).</summary>
    public static async Task EnsureDatabaseExistsAsync(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            await using var probe = new NpgsqlConnection(connectionString);
            await probe.OpenAsync(cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // fall through and create it
        }

        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var database = target.Database ?? throw new InvalidOperationException("the connection string names no database.");
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
        try
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // another process created it first
        }
    }
}
