using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using OptionsAutomation.Core.Backtest;
using OptionsAutomation.Core.Proposals.Sizing;
using OptionsAutomation.Core.Proposals.Sizing.Ml;
using OptionsAutomation.Infrastructure.Backtest;
using OptionsAutomation.Infrastructure.MarketData.Csv;
using Spectre.Console;

namespace OptionsAutomation.Cli;

/// <summary>
/// <c>optauto sizing evaluate</c>: the default profile's backtest on SPY once per built sizing strategy
/// (<c>--Sizing:Strategy=NAME</c> on top of the configuration and the command line's overrides), in parallel on one
/// history load (<see cref="BacktestBatch"/>), judged by <see cref="BacktestScore"/>. Each row is what
/// <c>optauto backtest --Sizing:Strategy=NAME</c> over the same dates reports — except <c>ml</c>'s once a year has a
/// model: that run is given walk-forward models (a plain backtest has none). Printed only once every run has finished.
/// </summary>
internal static class SizingEvaluateCommand
{
    public static Command Create(IReadOnlyList<string> overrides)
    {
        var from = CliOptions.Date("--from", "First session to replay (default: the first day of the market history)");
        var to = CliOptions.Date("--to", "Last session to replay (default: the last day of the market history)");
        var json = CliOptions.Json();
        var parallel = CliOptions.Number<int>("--parallel", "Strategies run at once (default: the number of cores)", defaultValue: Environment.ProcessorCount);
        var command = new Command("evaluate", "Backtest every sizing strategy on the same history and compare CAGR, drawdown, Sharpe, worst month and contracts")
        {
            from, to, json, parallel,
        };
        CliAction.Set(command, overrides, async (services, parse, cancellationToken) =>
        {
            var workers = parse.GetValue(parallel);
            if (workers < 1)
            {
                throw new CliUsageException("--parallel must be at least 1.");
            }

            var directory = MarketHistoryFiles.DefaultDirectory;
            var history = MarketHistoryFiles.Load(directory);
            var realChains = MarketHistoryFiles.RealChains(directory, services.Get<ILogger<CsvMarketData>>());
            var profile = BacktestProfiles.Find(BacktestProfiles.Default)!;
            var request = new BacktestRequest(profile.Name, parse.GetValue(from), parse.GetValue(to), "SPY", BacktestSetup.DefaultStartingEquity, new BacktestSettings());
            var setups = new List<BacktestBatch.Setup>(SizingStrategies.Built.Count);
            foreach (var strategy in SizingStrategies.Built)
            {
                // The replay retrains ml once a year, so a model is up to a year old in it: the age limit is a year there.
                string[] extra = strategy == SizingStrategies.Ml ? [$"--Sizing:Ml:MaxModelAgeDays={ReplayModelAgeDays}"] : [];
                var setup = await BacktestBatch.SetupAsync([.. overrides, .. extra, $"--Sizing:Strategy={strategy}"], profile.Settings, request, history, realChains).ConfigureAwait(false);
                // A per-ticker choice would size SPY its own way in every run: the rows would not be the strategies they name.
                if (setup.Trading.Sizing.StrategyFor(request.Underlying) is var used && used != strategy)
                {
                    throw new CliUsageException($"Sizing:Tickers:{request.Underlying} is '{used}': every run would size {request.Underlying} that way; remove it to compare the strategies.");
                }

                setups.Add(setup);
            }

            BacktestResult[] results;
            try
            {
                var ml = SizingStrategies.Built.ToList().IndexOf(SizingStrategies.Ml);
                var models = await WalkForwardModelsAsync(services, overrides, request, history, realChains, cancellationToken).ConfigureAwait(false);
                setups[ml] = setups[ml] with { Engine = new BacktestEngine(history, realChains, setups[ml].Trading, setups[ml].Paper, models) };
                results = await BacktestBatch.RunAllAsync(setups, realChains, workers, "strategies", cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await Console.Error.WriteLineAsync("sizing evaluate stopped: nothing was written.").ConfigureAwait(false);
                return BacktestCommand.Interrupted;
            }

            var report = SizingEvaluationJson.Of(profile.Name, [.. SizingStrategies.Built.Select((s, i) => (s, results[i], setups[i].Paper))]);
            if (parse.GetValue(json))
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(report, PerformanceJson.Options)).ConfigureAwait(false);
            }
            else
            {
                Table(report);
            }

            return CliAction.Ok;
        });
        return command;
    }

    /// <summary>The <c>ml</c> row's age limit: its models are retrained on each year's first day.</summary>
    public const int ReplayModelAgeDays = 366;

    /// <summary>
    /// The <c>ml</c> row's models, one per year, each trained only on trades of the training replay (<see cref="MlReplay"/>,
    /// over the same dates) that closed before its year began, with the seed <c>sizing train</c> uses by default.
    /// </summary>
    private static async Task<YearlySizingModels> WalkForwardModelsAsync(
        CliServices services, IReadOnlyList<string> overrides, BacktestRequest request, MarketHistory history, CsvMarketData realChains, CancellationToken cancellationToken)
    {
        var setup = await MlReplay.SetupAsync(overrides, request.From, request.To, history, realChains).ConfigureAwait(false);
        await realChains.LoadAsync(cancellationToken).ConfigureAwait(false);
        var replay = await setup.Engine.RunAsync(setup.Run, null, cancellationToken).ConfigureAwait(false);
        var walk = MlWalkForward.Run(MlReplay.Rows(replay, setup), services.Get<IReturnModelTrainer>(), SizingTrainCommand.DefaultSeed,
            setup.Trading.Sizing.Ml.MinTrainingRows, cancellationToken);
        return YearlySizingModels.From(walk);
    }

    private static void Table(SizingEvaluationJson report)
    {
        foreach (var assumption in report.Assumptions)
        {
            CliOutput.Note($"assumed: {assumption}");
        }

        CliOutput.Note(string.Create(CultureInfo.InvariantCulture, $"{report.Profile} profile, {report.Underlying}, {report.From:yyyy-MM-dd} to {report.To:yyyy-MM-dd}, starting equity {report.StartingEquity:N2}"));
        var table = new Table().AddColumns("Strategy", "CAGR", "Max drawdown", "Sharpe", "Worst month", "Avg contracts", "Trades", "Trading at end");
        foreach (var column in table.Columns.Skip(1).SkipLast(1))
        {
            column.RightAligned();
        }

        foreach (var row in report.Strategies)
        {
            table.AddRow(
                row.Strategy,
                BacktestCommand.Percent(row.Cagr),
                BacktestCommand.Percent(row.MaxDrawdown),
                row.Sharpe.ToString("0.00", CultureInfo.InvariantCulture),
                row.WorstMonth is { } month ? string.Create(CultureInfo.InvariantCulture, $"{BacktestCommand.Percent(month.Return)} ({month.Year}-{month.Month:00})") : "-",
                row.AverageContracts?.ToString("0.00", CultureInfo.InvariantCulture) ?? "-",
                row.Trades.ToString(CultureInfo.InvariantCulture),
                row.TradingStateAtEnd);
        }

        AnsiConsole.Write(table);
    }
}
