using System.CommandLine;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Reconciliation;
using Spectre.Console;

namespace OptionsAutomation.Cli;

/// <summary>
/// <c>optauto broker reconcile [--json]</c>: runs the reconciliation now, as the job does (a new difference tightens the
/// trading state and alerts once), and prints every option either side holds and the differences. Exit code 0 when the
/// books match, 1 when they differ.
/// </summary>
internal static class BrokerReconcileCommand
{
    public static Command Create(IReadOnlyList<string> overrides)
    {
        var json = CliOptions.Json();
        var command = new Command("reconcile", "Compare the broker's positions with ours (from our fills); a new difference alerts once and tightens the trading state") { json };
        CliAction.Set(command, overrides, async (services, parse, cancellationToken) =>
        {
            var outcome = await services.Get<BrokerReconciliationService>().RunAsync(cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                CliOutput.Json(outcome);
            }
            else
            {
                Print(outcome);
            }

            return outcome.Report.Matches ? CliAction.Ok : CliAction.Refused;
        });
        return command;
    }

    private static void Print(ReconciliationOutcome outcome)
    {
        var report = outcome.Report;
        var differing = report.Differences.Select(d => d.Symbol).ToHashSet(StringComparer.Ordinal);
        var table = new Table().AddColumns("Symbol", "Ours", "Broker", "Our avg", "Broker avg", "");
        foreach (var line in report.Lines)
        {
            var verdict = differing.Contains(line.Symbol) ? "DIFFERS" : report.InFlight.Contains(line.Symbol) ? "order working" : "ok";
            table.AddRow(CliOutput.Cell(ReconciliationDifference.Display(line.Symbol)), CliOutput.Cell(line.OurContracts), CliOutput.Cell(line.BrokerContracts),
                CliOutput.Cell(line.OurAveragePrice), CliOutput.Cell(line.BrokerAveragePrice), CliOutput.Cell(verdict));
        }

        FittedTable.Write(table);
        foreach (var difference in report.Differences)
        {
            AnsiConsole.WriteLine($"difference: {difference}");
        }

        AnsiConsole.WriteLine(report.Matches
            ? "The broker's positions match ours."
            : outcome.Alerted
                ? $"{report.Differences.Count} difference(s), alerted{(outcome.StateSetTo is { } state ? $"; trading state set to {state.ToCode()}" : "")}."
                : $"{report.Differences.Count} difference(s), already reported.");
    }
}
