using System.CommandLine;
using OptionsAutomation.Core.Analytics;
using OptionsAutomation.Hosting;
using OptionsAutomation.Infrastructure.Postgres;
using Spectre.Console;

namespace OptionsAutomation.Cli;

/// <summary>
/// <c>optauto compare</c>: closed trades compared by strategy, ticker, exit reason, days to expiry at entry and sizing
/// strategy (<see cref="StrategyComparison"/>), one table per split.
/// </summary>
internal static class CompareCommand
{
    public static Command Create(IReadOnlyList<string> overrides)
    {
        var from = CliOptions.Date("--from", "First New York close date (default: the first trade's)");
        var to = CliOptions.Date("--to", "Last New York close date (default: the last trade's)");
        var json = CliOptions.Json();
        var command = new Command("compare", "Compare closed trades: CSP vs VPC, per ticker, exit reason, DTE at entry and sizing strategy")
        {
            from, to, json,
        };
        CliAction.Set(command, overrides, async (services, parse, cancellationToken) =>
        {
            var (first, last) = (parse.GetValue(from), parse.GetValue(to));
            if (first > last)
            {
                throw new CliUsageException("--from is after --to.");
            }

            var trades = await services.Get<PostgresComparedTrades>().ReadAsync(first, last, cancellationToken).ConfigureAwait(false);
            var comparison = ComparisonJson.Of(StrategyComparison.Of(trades), first, last);
            if (parse.GetValue(json))
            {
                PerformanceJson.Write(comparison);
            }
            else
            {
                Print(comparison);
            }

            return CliAction.Ok;
        });
        return command;
    }

    private static void Print(ComparisonJson c)
    {
        var table = new Table().AddColumns("By", "Key", "Trades", "Win rate", "Total P&L", "Avg P&L", "P&L/day held", "Return on risk", "Max drawdown");
        foreach (var (by, rows) in new[]
        {
            ("strategy", c.ByStrategy), ("ticker", c.ByTicker), ("exit reason", c.ByExitReason), ("DTE at entry", c.ByDteAtEntry),
            ("sizing", c.BySizing), ("sentiment", c.BySentiment), ("all", (IReadOnlyList<ComparisonJson.Row>)[c.Total]),
        })
        {
            foreach (var r in rows)
            {
                table.AddRow(
                    by, r.Key, CliOutput.Format(r.Trades), $"{CliOutput.Format(r.WinRate)}%", CliOutput.Format(r.TotalPnl), CliOutput.Format(r.AveragePnl),
                    CliOutput.Format(r.PnlPerDayHeld), r.ReturnOnRisk is { } ror ? $"{CliOutput.Format(ror * 100)}%" : "-", CliOutput.Format(r.MaxDrawdown));
            }
        }

        FittedTable.Write(table);
    }
}
