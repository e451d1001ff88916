using OptionsAutomation.Core.Orders;
using Spectre.Console;

namespace OptionsAutomation.Cli;

/// <summary>
/// The price-walk steps of a proposal's or a position's orders (<c>proposals show</c>, <c>positions show</c>): every
/// accepted re-price, oldest first, as JSON (<c>price_steps</c>) or a table.
/// </summary>
internal static class PriceSteps
{
    public static async Task<IReadOnlyList<OrderReprice>> OfAsync(IOrderRecords orders, OrderFilter filter, CancellationToken cancellationToken) =>
        [.. (await orders.ListAsync(filter, cancellationToken).ConfigureAwait(false)).SelectMany(o => o.Reprices).OrderBy(r => r.At).ThenBy(r => r.Step)];

    public static void Table(IReadOnlyList<OrderReprice> steps)
    {
        var table = new Table().AddColumns("Re-priced (UTC)", "Order", "Step", "From", "To", "Cap", "By");
        foreach (var s in steps)
        {
            table.AddRow(CliOutput.Cell(s.At), CliOutput.Cell(s.ClientOrderId), CliOutput.Cell(s.Step), CliOutput.Cell(s.From), CliOutput.Cell(s.To), CliOutput.Cell(s.Cap), CliOutput.Cell(s.Actor));
        }

        FittedTable.Write(table);
        AnsiConsole.WriteLine($"{steps.Count} price step(s)");
    }
}
