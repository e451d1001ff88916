using System.CommandLine;
using OptionsAutomation.Infrastructure.Outbox;
using Spectre.Console;

namespace OptionsAutomation.Cli;

/// <summary><c>optauto alerts list</c>: the outbox, newest first, with how far each message's delivery got.</summary>
internal static class AlertCommands
{
    public static Command Create(IReadOnlyList<string> overrides)
    {
        var pending = new Option<bool>("--pending") { Description = "Only messages still to be delivered" };
        var limit = CliOptions.Number<int>("--limit", "At most this many", defaultValue: 50);
        var json = CliOptions.Json();
        var list = new Command("list", "Show queued alerts") { pending, limit, json };
        CliAction.Set(list, overrides, async (services, parse, cancellationToken) =>
        {
            var max = parse.GetValue(limit);
            if (max <= 0)
            {
                throw new FormatException($"--limit must be at least 1, was {max}.");
            }

            var messages = await services.Get<OutboxReader>().ListAsync(parse.GetValue(pending), max, cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                CliOutput.Json(messages);
                return CliAction.Ok;
            }

            var table = new Table().AddColumns("ID", "Created (UTC)", "Kind", "Position", "Delivery", "Attempts", "Delivered", "Last error", "Text");
            foreach (var m in messages)
            {
                table.AddRow(new Text(CliOutput.Format(m.MessageId)), new Text(CliOutput.Format(m.CreatedAt)), new Text(m.Kind),
                    new Text(CliOutput.Format(m.PositionId)), new Text(m.Delivery ?? "pending"), new Text(CliOutput.Format(m.Attempts)),
                    new Text(CliOutput.Format(m.DeliveredAt)), new Text(m.LastError ?? ""), new Text(m.Text));
            }

            FittedTable.Write(table);
            return CliAction.Ok;
        });
        return new Command("alerts", "Alerts queued for delivery") { list };
    }
}
