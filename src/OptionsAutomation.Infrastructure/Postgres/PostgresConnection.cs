using Microsoft.Extensions.Configuration;
using Npgsql;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>
/// Where the database is, and as whom: <c>ConnectionStrings:Postgres</c> is the application role everything uses at run
/// time, <c>ConnectionStrings:PostgresOwner</c> the role that owns the schema and runs the migrations. When only one is
/// configured both use it; when neither is, the private cluster of scripts/db.sh with the two roles it creates.
/// </summary>
public static class PostgresConnection
{
    public const string ConfigKey = "Postgres";
    public const string OwnerConfigKey = "PostgresOwner";
    /// <summary>
    /// scripts/db.sh's default port. Below the ephemeral ports (Linux 32768–60999, macOS 49152–65535): a client retrying
    /// a stopped server on an ephemeral port can be handed that very port as its own and connect to itself, which then
    /// keeps the server from starting again ("Address already in use") until the client stops.
    /// </summary>
    public const int PrivateClusterDefaultPort = 25432;
    public const string PrivateClusterOwnerRole = "optauto_owner";
    public const string PrivateClusterAppRole = "optauto_app";

    /// <summary>The application's connection: every service, job, verb and endpoint.</summary>
    public static string Resolve(IConfiguration configuration) =>
        Configured(configuration, ConfigKey) ?? Configured(configuration, OwnerConfigKey) ?? PrivateCluster(PrivateClusterAppRole);

    /// <summary>
    /// Statements a pooled connection has run <see cref="AutoPrepareAfter"/> times are prepared on it (Npgsql's
    /// auto-prepare), at most this many per connection: an approval repeats the same dozen statements, and a prepared one
    /// skips the server's parse and plan. A connection string's own non-zero <c>Max Auto Prepare</c> wins.
    /// </summary>
    public const int MaxAutoPrepare = 64;

    private const int AutoPrepareAfter = 2;

    /// <summary>
    /// The application's data source for <paramref name="connectionString"/>: statements auto-prepared, and no GSS
    /// (Kerberos) encryption unless the connection string asks for it — Npgsql's default (Prefer) loads the Kerberos
    /// libraries and asks the server once per new connection, which a CLI verb pays in full on its one connection.
    /// </summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
            builder.AutoPrepareMinUsages = AutoPrepareAfter;
        }

        if (!SetsGssEncryption(connectionString))
        {
            builder.GssEncryptionMode = GssEncryptionMode.Disable;
        }

        return NpgsqlDataSource.Create(builder);
    }

    /// <summary>Whether the connection string names the GSS encryption key (its keys, not its text: "gss" may be in a password or name).</summary>
    private static bool SetsGssEncryption(string connectionString) =>
        new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", "", StringComparison.Ordinal))
            .Any(key => key.Equals("GssEncryptionMode", StringComparison.OrdinalIgnoreCase) || key.Equals("GssEncMode", StringComparison.OrdinalIgnoreCase));

    /// <summary>The migrations' connection, the only one that may change the schema.</summary>
    public static string ResolveOwner(IConfiguration configuration) =>
        Configured(configuration, OwnerConfigKey) ?? Configured(configuration, ConfigKey) ?? PrivateCluster(PrivateClusterOwnerRole);

    private static string? Configured(IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    private static string PrivateCluster(string role)
    {
        var port = Environment.GetEnvironmentVariable("OPTAUTO_PG_PORT");
        return $"Host=127.0.0.1;Port={(string.IsNullOrWhiteSpace(port) ? PrivateClusterDefaultPort : port)};Username={role};Database=optauto";
    }

    /// <summary>The role <paramref name="dataSource"/> connects as, as the server sees it.</summary>
    public static async Task<string> CurrentRoleAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT current_user::text");
        return (string?)await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("the server named no current user.");
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
            // Unpooled: a pooled probe would linger, idle, as the owner, long after the migration.
            await using var probe = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
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
