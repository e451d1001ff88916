using System.CommandLine;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Orders;
using Spectre.Console;

namespace OptionsAutomation.Cli;

/// <summary><c>optauto orders list</c>: every recorded order, newest first, with its history and fills.</summary>
internal static class OrderCommands
{
    public static Command Create(IReadOnlyList<string> overrides)
    {
        var position = CliOptions.OptionalNumber<long>("--position", "Only this position's orders (its closing orders and the opening order of its request)");
        var requestId = new Option<string?>("--request-id") { Description = "Only orders of this request id" };
        var open = new Option<bool>("--open") { Description = "Only orders still working (PENDING, SUBMITTED, PARTIALLY_FILLED, UNKNOWN)" };
        var json = CliOptions.Json();
        var list = new Command("list", $"Orders, newest first (at most {OrderFilter.Limit}), with their state history and fills") { position, requestId, open, json };
        CliAction.Set(list, overrides, async (services, parse, cancellationToken) =>
        {
            var filter = new OrderFilter(parse.GetValue(position), parse.GetValue(requestId), parse.GetValue(open));
            var orders = await services.Get<IOrderRecords>().ListAsync(filter, cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                CliOutput.Json(orders);
            }
            else
            {
                Table(orders);
            }

            return CliAction.Ok;
        });
        return new Command("orders", "Orders sent to the broker") { list };
    }

    private static void Table(IReadOnlyList<OrderRecord> orders)
    {
        // Ids and instants stay on one line (they are copied and compared); the history wraps between states.
        var table = new Table()
            .AddColumn(new TableColumn("Client order id").NoWrap())
            .AddColumns("Intent", "State", "Position", "Filled/Qty", "Limit", "Fill price", "Fees")
            .AddColumn(new TableColumn("Created (UTC)").NoWrap())
            .AddColumn("History")
            .AddColumn("Price walk");
        foreach (var o in orders)
        {
            table.AddRow(
                new Text(o.ClientOrderId), new Text(o.Intent.ToCode()), new Text(o.State.ToCode()), new Text(CliOutput.Format(o.PositionId)),
                new Text($"{CliOutput.Format(o.FilledQuantity)}/{CliOutput.Format(o.Quantity)}"), new Text(CliOutput.Format(o.LimitPrice)),
                new Text(CliOutput.Format(o.FillPrice)), new Text(CliOutput.Format(o.Fees)), new Text(CliOutput.Format(o.CreatedAt)), new Text(string.Join(" → ", o.History.Select(h => h.Status.ToCode()))),
                new Text(string.Join(" → ", o.Reprices.Select(r => CliOutput.Format(r.To)))));
        }

        FittedTable.Write(table);
        AnsiConsole.WriteLine($"{orders.Count} order(s)");
    }
}
