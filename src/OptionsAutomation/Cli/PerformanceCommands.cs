using System.CommandLine;
using OptionsAutomation.Core.Analytics;
using OptionsAutomation.Hosting;
using OptionsAutomation.Infrastructure.Returns;

namespace OptionsAutomation.Cli;

/// <summary>
/// <c>optauto stats</c>: return statistics of any series in a CSV (no database), to compare with other tools; and
/// <c>optauto report</c>: the performance report of the account from trade_history.
/// </summary>
internal static class PerformanceCommands
{
    public static Command Stats(IReadOnlyList<string> overrides)
    {
        var returns = new Option<string>("--returns") { Description = "CSV with the header date,return (0.01 = 1%) or date,equity", Required = true };
        var periodsPerYear = CliOptions.Number<int>(
            "--periods-per-year", "Periods in a year, to annualise (252 daily, 52 weekly, 12 monthly)", defaultValue: ReturnStatistics.TradingDaysPerYear);
        var riskFree = CliOptions.Number<double>("--risk-free", "Risk-free return per period (also Sortino's target), e.g. 0.0001");
        var json = CliOptions.Json();
        var command = new Command("stats", "Return statistics of a series (empyrical's definitions): Sharpe, Sortino, drawdown, VaR, …")
        {
            returns, periodsPerYear, riskFree, json,
        };
        CliAction.Set(command, overrides, (_, parse, _) =>
        {
            var (perYear, rf) = (parse.GetValue(periodsPerYear), parse.GetValue(riskFree));
            if (perYear <= 0 || !double.IsFinite(rf))
            {
                throw new CliUsageException(perYear <= 0 ? "--periods-per-year must be above 0." : "--risk-free must be a finite number.");
            }

            var stats = ReturnStatistics.Of(ReturnsCsvReader.Read(parse.GetRequiredValue(returns)), perYear, rf);
            if (parse.GetValue(json))
            {
                PerformanceJson.Write(PerformanceJson.Returns.Of(stats));
            }
            else
            {
                PerformanceOutput.ReturnStatistics(stats);
            }

            return Task.FromResult(CliAction.Ok);
        });
        return command;
    }

    public static Command Report(IReadOnlyList<string> overrides)
    {
        var from = CliOptions.Date("--from", "First New York close date (default: the first trade's)");
        var to = CliOptions.Date("--to", "Last New York close date (default: the last trade's)");
        var json = CliOptions.Json();
        var command = new Command("report", "Performance report: trade statistics, daily equity return statistics, P&L attribution (also by Greek, from the risk snapshots)")
        {
            from, to, json,
        };
        CliAction.Set(command, overrides, async (services, parse, cancellationToken) =>
        {
            // Checked here, not in a command validator: a validator also runs when a date failed to parse, and reading it there throws.
            if (parse.GetValue(from) is { } f && parse.GetValue(to) is { } t && f > t)
            {
                throw new CliUsageException("--from is after --to.");
            }

            var report = await services.Get<PerformanceReportReader>().ReadAsync(parse.GetValue(from), parse.GetValue(to), cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                PerformanceJson.Write(PerformanceJson.Report.Of(report));
            }
            else
            {
                PerformanceOutput.Report(report);
            }

            return CliAction.Ok;
        });
        return command;
    }
}
