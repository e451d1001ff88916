using System.CommandLine;
using OptionsAutomation.Infrastructure.Audit;

namespace OptionsAutomation.Cli;

/// <summary><c>optauto audit tail</c>: the last audit events from the database, newest last.</summary>
internal static class AuditCommands
{
    public static Command Create(IReadOnlyList<string> overrides)
    {
        var count = CliOptions.Number<int>("--n", "How many events", defaultValue: 50);
        var full = new Option<bool>("--full") { Description = "Every field and the whole payload of each event, indented (default: one line per event)" };
        var json = CliOptions.Json();
        var tail = new Command("tail", "Show the last audit events, one line each (exports the daily files first)") { count, full, json };
        CliAction.Set(tail, overrides, async (services, parse, cancellationToken) =>
        {
            var n = parse.GetValue(count);
            if (n <= 0)
            {
                throw new CliUsageException($"--n must be at least 1, was {n}.");
            }

            await ExportAsync(services.Get<AuditExporter>(), cancellationToken).ConfigureAwait(false);
            var events = await services.Get<AuditReader>().TailAsync(n, cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                CliOutput.Json(events);
                return CliAction.Ok;
            }

            if (parse.GetValue(full))
            {
                Console.Out.Write(AuditOutput.Full(events));
            }
            else
            {
                foreach (var line in AuditOutput.Summary(events, CliOutput.Width))
                {
                    Console.Out.WriteLine(line);
                }
            }

            Console.Out.WriteLine($"{events.Count} event(s)");
            return CliAction.Ok;
        });
        return new Command("audit", "The audit trail") { tail };
    }

    /// <summary>Brings the files up to date; the database is the record, so a file problem only warns.</summary>
    private static async Task ExportAsync(AuditExporter exporter, CancellationToken cancellationToken)
    {
        try
        {
            await exporter.ExportAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            CliOutput.Warn($"audit files in {exporter.Directory} not updated: {e.Message}");
        }
    }
}
