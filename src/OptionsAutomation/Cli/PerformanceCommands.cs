using System.CommandLine;
using OptionsAutomation.Core.Analytics;
using OptionsAutomation.Hosting;
using OptionsAutomation.Infrastructure.Returns;

namespace OptionsAutomation.Cli;

/// <summary>
/// <c>optauto stats</c>: return statistics of any series in a CSV (no database), to compare with other tools; and
/// <c>optauto report</c>: the performance report of the account from trade_history (and its <c>weekly</c> and
/// <c>monthly</c> subcommands, <see cref="PeriodReportCommands"/>).
/// </summary>
internal static class PerformanceCommands
{
    public static Command Stats(IReadOnlyList<string> overrides)
    {
        var returns = new Option<string>("--returns") { Description = "CSV with the header date,return (0.01 = 1%) or date,equity", Required = true };
        var periodsPerYear = CliOptions.Number<int>(
            "--periods-per-year", "Periods in a year, to annualise (252 daily, 52 weekly, 12 monthly)", defaultValue: ReturnStatistics.TradingDaysPerYear);
        var riskFree = CliOptions.Number<double>("--risk-free", "Risk-free return per period (also Sortino's target), e.g. 0.0001");
        var requiredReturn = CliOptions.Number<double>("--required-return", "The omega ratio's required return, a year's, e.g. 0.05");
        var varConfidence = CliOptions.Number<double>(
            "--var-confidence", "Confidence of the value at risk and expected shortfall, e.g. 0.99", defaultValue: ValueAtRiskAt.DefaultConfidence);
        var benchmark = new Option<string>("--benchmark") { Description = "CSV of a benchmark in the same format: adds alpha and beta against it" };
        var window = CliOptions.OptionalNumber<int>("--window", "Rolling Sharpe ratio and max drawdown over windows of N periods");
        var json = CliOptions.Json();
        var command = new Command("stats", "Return statistics of a series (empyrical's definitions): Sharpe, Sortino, drawdown, VaR, omega, alpha and beta, …")
        {
            returns, periodsPerYear, riskFree, requiredReturn, varConfidence, benchmark, window, json,
        };
        CliAction.Set(command, overrides, (_, parse, _) =>
        {
            var (perYear, rf, required, confidence) =
                (parse.GetValue(periodsPerYear), parse.GetValue(riskFree), parse.GetValue(requiredReturn), parse.GetValue(varConfidence));
            RequireUsable(perYear, rf, required, confidence, parse.GetValue(window));
            var series = ReturnsCsvReader.Read(parse.GetRequiredValue(returns));
            var stats = ReturnStatistics.Of(series, perYear, rf, required, confidence);
            var relative = parse.GetValue(benchmark) is { } path ? AlphaBeta.Of(series, ReturnsCsvReader.Read(path), perYear, rf) : null;
            var rolling = parse.GetValue(window) is { } n ? RollingStatistics.Of(series, n, perYear, rf) : null;
            if (parse.GetValue(json))
            {
                PerformanceJson.Write(PerformanceJson.Returns.Of(stats, relative, rolling));
            }
            else
            {
                PerformanceOutput.ReturnStatistics(stats);
                if (relative is not null)
                {
                    PerformanceOutput.Benchmark(relative);
                }

                if (rolling is not null)
                {
                    PerformanceOutput.Rolling(rolling);
                }
            }

            return Task.FromResult(CliAction.Ok);
        });
        return command;
    }

    private static void RequireUsable(int periodsPerYear, double riskFree, double requiredReturn, double confidence, int? window)
    {
        var problem = periodsPerYear <= 0 ? "--periods-per-year must be above 0."
            : !double.IsFinite(riskFree) ? "--risk-free must be a finite number."
            : !double.IsFinite(requiredReturn) ? "--required-return must be a finite number."
            : !(confidence is > 0 and < 1) ? "--var-confidence must be between 0 and 1, e.g. 0.99."
            : window < 1 ? "--window must be at least 1."
            : null;
        if (problem is not null)
        {
            throw new CliUsageException(problem);
        }
    }

    public static Command Report(IReadOnlyList<string> overrides)
    {
        var from = CliOptions.Date("--from", "First New York close date (default: the first trade's)");
        var to = CliOptions.Date("--to", "Last New York close date (default: the last trade's)");
        var json = CliOptions.Json();
        var command = new Command("report", "Performance report: trade statistics, daily equity return statistics, P&L attribution (also by Greek, from the risk snapshots)")
        {
            from, to, json, PeriodReportCommands.Weekly(overrides), PeriodReportCommands.Monthly(overrides),
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
