using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;
using OptionsAutomation.Hosting;
using OptionsAutomation.Infrastructure.Postgres;

namespace OptionsAutomation.Cli;

/// <summary><c>optauto db migrate</c>.</summary>
internal static class DbCommands
{
    public static Command Create(IReadOnlyList<string> overrides)
    {
        var migrate = new Command("migrate", "Create the database if needed, apply db/migrations in order as the owner and grant the application role");
        CliAction.Set(migrate, overrides, async (services, _, cancellationToken) =>
        {
            var report = await DatabaseStartup.MigrateAsync(
                services.Get<IConfiguration>(), services.Get<NpgsqlDataSource>(), services.Get<ILogger<MigrationRunner>>(), cancellationToken).ConfigureAwait(false);
            foreach (var file in report.Applied)
            {
                Console.Out.WriteLine($"applied {file}");
            }

            if (report.AppRole is { } appRole)
            {
                Console.Out.WriteLine($"granted {appRole} its privileges");
            }

            Console.Out.WriteLine($"database is up to date ({report.AlreadyApplied + report.Applied.Count} migrations, {report.Applied.Count} new)");
            return CliAction.Ok;
        });
        return new Command("db", "Database maintenance") { migrate };
    }
}
