using Microsoft.Extensions.Configuration;
using OptionsAutomation.Infrastructure.Postgres;

namespace OptionsAutomation.Hosting;

/// <summary>Brings the database to the current schema: creates it on a new cluster, then migrates.</summary>
public static class DatabaseStartup
{
    public static async Task<MigrationReport> MigrateAsync(IConfiguration configuration, MigrationRunner runner, CancellationToken cancellationToken)
    {
        await PostgresConnection.EnsureDatabaseExistsAsync(PostgresConnection.Resolve(configuration), cancellationToken).ConfigureAwait(false);
        return await runner.MigrateAsync(MigrationRunner.DefaultDirectory, cancellationToken).ConfigureAwait(false);
    }
}
