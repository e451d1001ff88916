using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;
using OptionsAutomation.Infrastructure.Postgres;

namespace OptionsAutomation.Hosting;

/// <summary>
/// Brings the database to the current schema as its owner: creates it on a new cluster, migrates, then grants the
/// application's role (when it is another one) what it may do. The owner's connections are closed afterwards: the
/// process runs on the application's connection alone.
/// </summary>
public static class DatabaseStartup
{
    public static async Task<MigrationReport> MigrateAsync(
        IConfiguration configuration, NpgsqlDataSource application, ILogger<MigrationRunner> logger, CancellationToken cancellationToken)
    {
        var owner = PostgresConnection.ResolveOwner(configuration);
        await PostgresConnection.EnsureDatabaseExistsAsync(owner, cancellationToken).ConfigureAwait(false);
        // The server says who the application is: a connection string may leave the user to PGUSER or the OS account.
        var appRole = string.Equals(owner, PostgresConnection.Resolve(configuration), StringComparison.Ordinal)
            ? null
            : await PostgresConnection.CurrentRoleAsync(application, cancellationToken).ConfigureAwait(false);
        await using var ownerSource = NpgsqlDataSource.Create(owner);
        return await new MigrationRunner(ownerSource, logger).MigrateAsync(MigrationRunner.DefaultDirectory, appRole, cancellationToken).ConfigureAwait(false);
    }
}
