using System.CommandLine;
using OptionsAutomation.Infrastructure.Audit;
using Spectre.Console;

namespace OptionsAutomation.Cli;

/// <summary><c>optauto audit tail</c>: the last audit events from the database, newest last.</summary>
internal static class AuditCommands
{
    public static Command Create(IReadOnlyList<string> overrides)
    {
        var count = new Option<int>("--n") { Description = "How many events", DefaultValueFactory = _ => 50 };
        var json = CliOptions.Json();
        var tail = new Command("tail", "Show the last audit events (exports the daily files first)") { count, json };
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

            var table = new Table().AddColumns("event_id", "occurred_at", "actor", "event_type", "entity_type", "entity_id", "request_id", "position_id", "data");
            foreach (var e in events)
            {
                table.AddRow(
                    new Text(CliOutput.Format(e.EventId)), new Text(CliOutput.Format(e.OccurredAt)), new Text(e.Actor), new Text(e.EventType),
                    new Text(e.EntityType), new Text(e.EntityId), new Text(CliOutput.Format(e.RequestId)), new Text(CliOutput.Format(e.PositionId)),
                    new Text(e.Data.GetRawText()));
            }

            AnsiConsole.Write(table);
            AnsiConsole.WriteLine($"{events.Count} event(s)");
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
