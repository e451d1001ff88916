using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>What a run did: the files it applied, how many were already there, and the application role it granted, if it granted one.</summary>
public sealed record MigrationReport(IReadOnlyList<string> Applied, int AlreadyApplied, string? AppRole);

/// <summary>
/// Applies <c>db/migrations</c> in version order, each file in its own transaction, recorded in
/// <c>schema_migrations</c>. A session advisory lock serialises concurrent runners (two workers
/// starting at once); an applied file whose text changed is refused by name before anything runs. Given the role the
/// application connects as, it then grants that role its privileges (<c>grant_app_role</c>, migration 0011), under the
/// same lock: concurrent GRANTs on one table fail with "tuple concurrently updated".
/// </summary>
public sealed partial class MigrationRunner(NpgsqlDataSource dataSource, ILogger<MigrationRunner> logger)
{
    /// <summary>Arbitrary but fixed: the advisory-lock key every optauto process migrates under.</summary>
    private const long AdvisoryLockKey = 0x6F70_7461_7574_6F01;

    /// <summary>Where the migrations sit next to the binary (the build copies them there).</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "db", "migrations");

    /// <param name="appRole">the role the application connects as; null (or the migrating role itself) grants nothing.</param>
    public async Task<MigrationReport> MigrateAsync(string directory, string? appRole, CancellationToken cancellationToken)
    {
        var migrations = Migration.LoadAll(directory);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync("SELECT pg_advisory_lock(@AdvisoryLockKey)", new { AdvisoryLockKey }).ConfigureAwait(false);
        try
        {
            await connection.ExecuteAsync(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    integer      PRIMARY KEY,
                    name       varchar(255) NOT NULL,
                    checksum   char(64)     NOT NULL,
                    applied_at timestamptz  NOT NULL DEFAULT now())
                """).ConfigureAwait(false);

            var applied = (await connection.QueryAsync<AppliedMigration>(
                "SELECT version, name, checksum FROM schema_migrations ORDER BY version").ConfigureAwait(false))
                .ToDictionary(a => a.Version);
            VerifyApplied(migrations, applied);

            var newlyApplied = new List<string>();
            foreach (var migration in migrations.Where(m => !applied.ContainsKey(m.Version)))
            {
                await ApplyAsync(connection, migration, cancellationToken).ConfigureAwait(false);
                newlyApplied.Add(migration.FileName);
                LogApplied(migration.FileName);
            }

            // Two connection strings for one role: it owns what it uses and there is nothing to grant.
            var grantee = appRole is not null && appRole != await connection.ExecuteScalarAsync<string>("SELECT current_user::text").ConfigureAwait(false)
                ? appRole
                : null;
            if (grantee is not null)
            {
                await GrantAsync(connection, grantee).ConfigureAwait(false);
            }

            return new MigrationReport(newlyApplied, applied.Count, grantee);
        }
        finally
        {
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(@AdvisoryLockKey)", new { AdvisoryLockKey }).ConfigureAwait(false);
        }
    }

    private static void VerifyApplied(IReadOnlyList<Migration> onDisk, Dictionary<int, AppliedMigration> applied)
    {
        var byVersion = onDisk.ToDictionary(m => m.Version);
        foreach (var row in applied.Values)
        {
            if (!byVersion.TryGetValue(row.Version, out var file))
            {
                throw new MigrationException(
                    $"the database has migration {row.Version:D4}_{row.Name} which this build does not have; run a newer optauto.");
            }

            if (!string.Equals(file.Checksum, row.Checksum.Trim(), StringComparison.Ordinal))
            {
                throw new MigrationException(
                    $"migration {file.FileName} was edited after it was applied (checksum {row.Checksum.Trim()[..12]}… in the database, " +
                    $"{file.Checksum[..12]}… on disk); add a new migration instead of editing a released one.");
            }
        }
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await connection.ExecuteAsync(migration.Sql, transaction: transaction).ConfigureAwait(false);
        }
        catch (PostgresException e)
        {
            throw new MigrationException($"migration {migration.FileName} failed and was rolled back: {e.MessageText}");
        }

        await connection.ExecuteAsync(
            "INSERT INTO schema_migrations (version, name, checksum) VALUES (@Version, @Name, @Checksum)",
            new { migration.Version, migration.Name, migration.Checksum },
            transaction).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task GrantAsync(NpgsqlConnection connection, string appRole)
    {
        try
        {
            await connection.ExecuteAsync("CALL grant_app_role(@appRole)", new { appRole }).ConfigureAwait(false);
        }
        catch (PostgresException e)
        {
            throw new MigrationException($"cannot grant the application role its privileges (ConnectionStrings:{PostgresConnection.ConfigKey}): {e.MessageText}");
        }

        LogGranted(appRole);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Granted the application role {AppRole} its privileges")]
    private partial void LogGranted(string appRole);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {MigrationFile}")]
    private partial void LogApplied(string migrationFile);

    private sealed record AppliedMigration(int Version, string Name, string Checksum);
}
