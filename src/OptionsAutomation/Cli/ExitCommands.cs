using System.CommandLine;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Trading;
using Spectre.Console;

namespace OptionsAutomation.Cli;

/// <summary><c>optauto exits check</c>: the exit rules now (or as of an instant), whatever the market hours.</summary>
internal static class ExitCommands
{
    public static Command Create(IReadOnlyList<string> overrides)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Decide only: write nothing, send no order" };
        var at = CliOptions.Instant("--at", "Evaluate as of this instant instead of now (replays)");
        var json = CliOptions.Json();
        var check = new Command("check", "Mark every open position, apply the exit rules and (unless --dry-run) execute the exits")
        {
            dryRun, at, json,
        };
        CliAction.Set(check, overrides, async (services, parse, cancellationToken) =>
        {
            var asOf = parse.GetValue(at) ?? services.Get<TimeProvider>().GetUtcNow();
            var checks = await services.Get<ExitService>().RunAsync(asOf, execute: !parse.GetValue(dryRun), cancellationToken).ConfigureAwait(false);
            var rows = checks.Select(ExitCheckRow.From).ToList();
            if (parse.GetValue(json))
            {
                CliOutput.Json(rows);
            }
            else
            {
                Print(rows, asOf);
            }

            return rows.Any(r => r.OrderError is not null) ? CliAction.Refused : CliAction.Ok;
        });
        return new Command("exits", "Exit rules") { check };
    }

    private static void Print(IReadOnlyList<ExitCheckRow> rows, DateTimeOffset asOf)
    {
        var table = new Table().AddColumns("Position", "Ticker", "Strategy", "DTE", "Mark", "Unrealized", "Decision", "Reason", "Outcome");
        foreach (var r in rows)
        {
            table.AddRow(
                new Text(r.PositionId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new Text(r.Ticker), new Text(r.StrategyType),
                new Text(r.DaysToExpiry.ToString(System.Globalization.CultureInfo.InvariantCulture)), new Text(CliOutput.Format(r.MarkPrice)),
                new Text(CliOutput.Format(r.UnrealizedPnl)), new Text(r.Decision), new Text(r.Reason), new Text(r.Outcome ?? "-"));
        }

        FittedTable.Write(table);
        AnsiConsole.WriteLine($"{rows.Count} open position(s) checked as of {CliOutput.Format(asOf)} ({MarketTime.DateOf(asOf):yyyy-MM-dd} New York)");
    }

    /// <summary>One line of output: <c>reason</c> is the exit reason for EXIT, otherwise why not.</summary>
    private sealed record ExitCheckRow(
        long PositionId,
        string Ticker,
        string StrategyType,
        string Decision,
        string Reason,
        string Detail,
        int DaysToExpiry,
        decimal? MarkPrice,
        decimal? UnrealizedPnl,
        string? Outcome,
        decimal? ExitPrice,
        decimal? RealizedPnl,
        string? OrderError)
    {
        public static ExitCheckRow From(ExitCheck check)
        {
            var d = check.Decision;
            var outcome = check.Closed is not null ? "CLOSED" : check.OrderError is not null ? "FAILED" : null;
            return new ExitCheckRow(
                check.Position.PositionId,
                check.Position.Ticker,
                check.Position.StrategyType.ToCode(),
                d.Decision.ToCode(),
                d.Reason?.ToCode() ?? d.Detail,
                d.Detail,
                d.DaysToExpiry,
                d.MarkPrice,
                d.UnrealizedPnl,
                outcome,
                check.Closed?.Trade.ExitPrice,
                check.Closed?.Trade.PnlRealized,
                check.OrderError);
        }
    }
}
