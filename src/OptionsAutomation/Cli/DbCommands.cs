using System.CommandLine;
using Microsoft.Extensions.Configuration;
using OptionsAutomation.Hosting;
using OptionsAutomation.Infrastructure.Postgres;

namespace OptionsAutomation.Cli;

/// <summary><c>optauto db migrate</c>.</summary>
internal static class DbCommands
{
    public static Command Create(IReadOnlyList<string> overrides)
    {
        var migrate = new Command("migrate", "Create the database if needed and apply db/migrations in order");
        CliAction.Set(migrate, overrides, async (services, _, cancellationToken) =>
        {
            var report = await DatabaseStartup.MigrateAsync(services.Get<IConfiguration>(), services.Get<MigrationRunner>(), cancellationToken).ConfigureAwait(false);
            foreach (var file in report.Applied)
            {
                Console.Out.WriteLine($"applied {file}");
            }

            Console.Out.WriteLine($"database is up to date ({report.AlreadyApplied + report.Applied.Count} migrations, {report.Applied.Count} new)");
            return CliAction.Ok;
        });
        return new Command("db", "Database maintenance") { migrate };
    }
}
