using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using OptionsAutomation.Core.Backtest;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Hosting;
using OptionsAutomation.Infrastructure;
using OptionsAutomation.Infrastructure.Backtest;
using OptionsAutomation.Infrastructure.Brokers;
using OptionsAutomation.Infrastructure.MarketData.Csv;
using Spectre.Console;

namespace OptionsAutomation.Cli;

/// <summary>
/// <c>optauto backtest sweep --param KEY=v1,v2,… [--param …]</c>: one backtest per combination of the grid
/// (<see cref="SweepGrid"/>), each with its values as overrides on top of the configuration and the command line's own
/// <c>--Section:Key=value</c> overrides, run in parallel on one shared history load (<see cref="BacktestBatch"/>). Every
/// combination's settings are bound and validated before any runs. Output is printed only when every run has
/// finished, so Ctrl+C leaves nothing written.
/// </summary>
internal static class BacktestSweepCommand
{
    public static Command Create(IReadOnlyList<string> overrides)
    {
        var parameters = new Option<string[]>("--param")
        {
            Description = $"A setting and its values, KEY=v1,v2,… (KEY as in --Section:Key=value overrides); repeat for more axes. At most {SweepGrid.MaxCombinations} combinations",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var sort = new Option<string>("--sort")
        {
            Description = $"Statistic to sort by, best first: highest first, but max_drawdown least deep first ({string.Join(", ", SweepStatistic.Names)})",
            DefaultValueFactory = _ => SweepStatistic.Default,
        };
        var profile = new Option<string>("--profile") { Description = $"Strategy profile: {BacktestProfiles.Names}", DefaultValueFactory = _ => BacktestProfiles.Default };
        var from = CliOptions.Date("--from", "First session to replay (default: the first day of the market history)");
        var to = CliOptions.Date("--to", "Last session to replay (default: the last day of the market history)");
        var equity = CliOptions.Number<decimal>("--starting-equity", "Starting cash in dollars", defaultValue: 100_000m);
        var json = CliOptions.Json();
        var parallel = CliOptions.Number<int>("--parallel", "Combinations run at once (default: the number of cores)", defaultValue: Environment.ProcessorCount);
        var command = new Command("sweep", "Run one backtest per combination of setting values, in parallel, and compare their statistics")
        {
            parameters, sort, profile, from, to, equity, json, parallel,
        };
        CliAction.Set(command, overrides, async (services, parse, cancellationToken) =>
        {
            var chosen = parse.GetValue(profile) ?? BacktestProfiles.Default;
            var profileSettings = BacktestProfiles.Find(chosen)?.Settings
                ?? throw new CliUsageException($"--profile {chosen}: unknown profile; the profiles are {BacktestProfiles.Names}.");
            var grid = SweepGrid.Parse(parse.GetValue(parameters) ?? []);
            var sortBy = parse.GetValue(sort) ?? SweepStatistic.Default;
            SweepStatistic.Of(sortBy);
            var workers = parse.GetValue(parallel);
            if (workers < 1)
            {
                throw new CliUsageException("--parallel must be at least 1.");
            }

            var combinations = grid.Combinations();
            var directory = MarketHistoryFiles.DefaultDirectory;
            var history = MarketHistoryFiles.Load(directory);
            var realChains = MarketHistoryFiles.RealChains(directory, services.Get<ILogger<CsvMarketData>>());
            var request = new BacktestRequest(chosen, parse.GetValue(from), parse.GetValue(to), "SPY", parse.GetValue(equity), new BacktestSettings());
            var setups = await SetupsAsync(overrides, profileSettings, combinations, request, history, realChains).ConfigureAwait(false);

            BacktestResult[] results;
            try
            {
                results = await BacktestBatch.RunAllAsync(setups, realChains, workers, "combinations", cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await Console.Error.WriteLineAsync("backtest sweep stopped: nothing was written.").ConfigureAwait(false);
                return BacktestCommand.Interrupted;
            }

            var report = BacktestSweepJson.Of(chosen, sortBy, [.. combinations.Select((c, i) => (c, results[i], setups[i].Paper))]);
            if (parse.GetValue(json))
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(report, PerformanceJson.Options)).ConfigureAwait(false);
            }
            else
            {
                Table(report, grid);
            }

            return CliAction.Ok;
        });
        return command;
    }

    /// <summary>
    /// Binds every combination's settings through the same configuration layers (the profile's under the command line's)
    /// and checks as any verb (<c>SettingsCheck</c>, each record's own validation, <see cref="BacktestSetup"/>'s checks of
    /// the request): one bad value refuses the sweep before anything runs, each problem said once with the combination it
    /// was first found in.
    /// </summary>
    private static async Task<List<BacktestBatch.Setup>> SetupsAsync(
        IReadOnlyList<string> overrides, IReadOnlyDictionary<string, string?> profile, IReadOnlyList<IReadOnlyList<SweepGrid.Override>> combinations,
        BacktestRequest request, MarketHistory history, CsvMarketData realChains)
    {
        Task<BacktestBatch.Setup> SetupAsync(IReadOnlyList<string> layered) => BacktestBatch.SetupAsync(layered, profile, request, history, realChains);

        // The request without the grid first (dates, equity, the profile with the command line's overrides): what is
        // wrong there is wrong for every combination, and is said as `backtest` says it.
        await SetupAsync(overrides).ConfigureAwait(false);

        var setups = new List<BacktestBatch.Setup>(combinations.Count);
        var problems = new List<string>();
        foreach (var combination in combinations)
        {
            try
            {
                setups.Add(await SetupAsync([.. overrides, .. combination.Select(o => $"--{o.Key}={o.Value}")]).ConfigureAwait(false));
            }
            catch (Exception e) when (e is InvalidConfigurationException or CliUsageException)
            {
                if (!problems.Exists(p => p.EndsWith(e.Message, StringComparison.Ordinal)))
                {
                    problems.Add($"with {string.Join(", ", combination.Select(o => $"{o.Key}={o.Value}"))}: {e.Message}");
                }
            }
        }

        return problems.Count == 0
            ? setups
            : throw new CliUsageException($"the sweep was not started; {string.Join(" ", problems)}");
    }

    private static void Table(BacktestSweepJson report, SweepGrid grid)
    {
        foreach (var assumption in report.Assumptions)
        {
            CliOutput.Note($"assumed: {assumption}");
        }

        CliOutput.Note(report.Sort == "max_drawdown"
            ? "sorted by max_drawdown, least deep first"
            : $"sorted by {report.Sort}, highest first");
        var reasons = report.Combinations.SelectMany(c => c.Stats.TradesByExitReason.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var table = new Table().AddColumns([.. Headers(grid), "CAGR", "Total return", "Max drawdown", "Sharpe", "Sortino", "Win rate", "Trades", .. reasons.Select(r => $"exit {r}"), "Trading at end"]);
        foreach (var column in table.Columns.Skip(grid.Axes.Count).SkipLast(1))
        {
            column.RightAligned();
        }

        table.Columns[^1].NoWrap();

        foreach (var combination in report.Combinations)
        {
            var stats = combination.Stats;
            table.AddRow([
                .. combination.Overrides.Select(o => Markup.Escape(o.Value)),
                BacktestCommand.Percent(stats.Cagr),
                BacktestCommand.Percent(stats.TotalReturn),
                BacktestCommand.Percent(stats.MaxDrawdown.Depth),
                stats.Sharpe.ToString("0.00", CultureInfo.InvariantCulture),
                stats.Sortino.ToString("0.00", CultureInfo.InvariantCulture),
                stats.WinRate is { } rate ? rate.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-",
                stats.Trades.ToString(CultureInfo.InvariantCulture),
                .. reasons.Select(r => stats.TradesByExitReason.GetValueOrDefault(r).ToString(CultureInfo.InvariantCulture)),
                // A run halted midway stopped trading there; its statistics are not comparable with the others' without it.
                combination.Run.TradingStateReason is null
                    ? combination.Run.TradingStateAtEnd
                    : string.Create(CultureInfo.InvariantCulture, $"{combination.Run.TradingStateAtEnd} {combination.Run.TradingStateChangedAt:yyyy-MM-dd}"),
            ]);
        }

        AnsiConsole.Write(table);
    }

    /// <summary>Each axis by its key's last part (ProfitTargetFraction), so the statistics fit; the full keys when two would read the same.</summary>
    private static IReadOnlyList<string> Headers(SweepGrid grid)
    {
        var last = grid.Axes.Select(a => a.Key[(a.Key.LastIndexOf(':') + 1)..]).ToList();
        var headers = last.Distinct(StringComparer.OrdinalIgnoreCase).Count() == last.Count ? last : [.. grid.Axes.Select(a => a.Key)];
        return [.. headers.Select(Markup.Escape)];
    }
}
