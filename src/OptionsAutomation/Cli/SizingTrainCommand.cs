using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Proposals.Sizing.Ml;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Backtest;
using OptionsAutomation.Infrastructure.MarketData.Csv;
using OptionsAutomation.Infrastructure.Ml;
using Spectre.Console;

namespace OptionsAutomation.Cli;

/// <summary>
/// <c>optauto sizing train</c>: gathers the <c>ml</c> sizing's rows — the backtest's trades over [--from, --to]
/// (<see cref="MlReplay"/>) and the live <c>trade_history</c> rows whose proposal stored the features (those sized by
/// <c>ml</c>, fallbacks included) — scores the method out of sample by walk-forward years (<see cref="MlWalkForward"/>),
/// then trains the final model on every row and stores it as a new version of <c>sizing_models</c>.
/// </summary>
internal static class SizingTrainCommand
{
    public const int DefaultSeed = 1;

    public static Command Create(IReadOnlyList<string> overrides)
    {
        var from = CliOptions.Date("--from", "First session of the training replay (default: the first day of the market history)");
        var to = CliOptions.Date("--to", "Last session of the training replay (default: the last day of the market history)");
        var seed = CliOptions.Number<int>("--seed", "The forest's seed: the same seed gives the same model", defaultValue: DefaultSeed);
        var json = CliOptions.Json();
        var command = new Command("train", "Train the ml sizing's model on backtest and live trades, score it out of sample by walk-forward years, and store it")
        {
            from, to, seed, json,
        };
        CliAction.Set(command, overrides, async (services, parse, cancellationToken) =>
        {
            var directory = MarketHistoryFiles.DefaultDirectory;
            var history = MarketHistoryFiles.Load(directory);
            var realChains = MarketHistoryFiles.RealChains(directory, services.Get<ILogger<CsvMarketData>>());
            var setup = await MlReplay.SetupAsync(overrides, parse.GetValue(from), parse.GetValue(to), history, realChains).ConfigureAwait(false);
            var settings = setup.Trading.Sizing.Ml;
            var trainer = services.Get<IReturnModelTrainer>();
            var chosenSeed = parse.GetValue(seed);
            MlTrainingResult trained;
            try
            {
                await realChains.LoadAsync(cancellationToken).ConfigureAwait(false);
                var replay = await BacktestCommand.RunAsync(setup.Engine, setup.Run, cancellationToken).ConfigureAwait(false);
                var backtestRows = MlReplay.Rows(replay, setup);
                var (liveRows, liveWithout) = await LiveRowsAsync(services, setup.Run.From, setup.Run.To, cancellationToken).ConfigureAwait(false);
                var rows = backtestRows.Concat(liveRows).OrderBy(r => r.ExitDate).ThenBy(r => r.RequestId, StringComparer.Ordinal).ToList();
                if (rows.Count < settings.MinTrainingRows)
                {
                    throw new CliUsageException(string.Create(CultureInfo.InvariantCulture,
                        $"{rows.Count} trade(s) with features from {setup.Run.From:yyyy-MM-dd} to {setup.Run.To:yyyy-MM-dd}: fewer than Sizing:Ml:MinTrainingRows {settings.MinTrainingRows}; nothing was stored."));
                }

                var walk = await Task.Run(() => MlWalkForward.Run(rows, trainer, chosenSeed, settings.MinTrainingRows, cancellationToken), cancellationToken).ConfigureAwait(false);
                var final = await Task.Run(() => trainer.Train(rows, chosenSeed), cancellationToken).ConfigureAwait(false);
                trained = new MlTrainingResult(MlModelMetrics.Of(rows, liveRows.Count, walk, final), liveWithout, final.Save());
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await Console.Error.WriteLineAsync("sizing train stopped: nothing was stored.").ConfigureAwait(false);
                return BacktestCommand.Interrupted;
            }

            var trainedAt = services.Get<TimeProvider>().GetUtcNow();
            var version = await services.Get<PostgresSizingModels>().AddAsync(trainedAt, setup.Run.From, setup.Run.To, chosenSeed, MlFeatures.Names,
                trained.Metrics, trained.Model, CancellationToken.None).ConfigureAwait(false);
            var report = new SizingTrainJson(version, trainedAt, setup.Run.From, setup.Run.To, chosenSeed, MlFeatures.Names, trained.Metrics.TrainingRows,
                trained.Metrics.BacktestRows, trained.Metrics.LiveRows, trained.LiveWithoutFeatures, trained.Metrics.MeanReturnOnRisk, trained.Metrics.Score,
                settings.MinOutOfSampleScore, trained.Metrics.OutOfSample);
            if (parse.GetValue(json))
            {
                CliOutput.Json(report);
            }
            else
            {
                Print(report);
            }

            return CliAction.Ok;
        });
        return command;
    }

    /// <summary>Live trades entered in [from, to] whose proposal stored the features, and how many had none to recover.</summary>
    private static async Task<(IReadOnlyList<MlTrainingRow> Rows, int WithoutFeatures)> LiveRowsAsync(CliServices services, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var proposals = services.Get<IProposalStore>();
        var rows = new List<MlTrainingRow>();
        var without = 0;
        foreach (var trade in await services.Get<IPositionStore>().HistoryAsync(null, null, cancellationToken).ConfigureAwait(false))
        {
            if (MarketTime.DateOf(trade.EntryDate) is var entry && (entry < from || entry > to))
            {
                continue;
            }

            var sizing = (await proposals.FindAsync(trade.RequestId, cancellationToken).ConfigureAwait(false))?.Sizing;
            if (MlTrainingRow.FromHistory(trade, sizing) is { } row)
            {
                rows.Add(row);
            }
            else
            {
                without++;
            }
        }

        return (rows, without);
    }

    private static void Print(SizingTrainJson report)
    {
        AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"model v{report.Version} stored: {report.TrainingRows} trade(s) ({report.BacktestRows} backtest, {report.LiveRows} live; {report.LiveWithoutFeatures} live without features), {report.From:yyyy-MM-dd} to {report.To:yyyy-MM-dd}, seed {report.Seed}"));
        var table = new Table().AddColumns("Year", "Trained on", "Tested on", "R²", "MAE", "Spearman");
        string Number(double? x) => x?.ToString("0.000", CultureInfo.InvariantCulture) ?? "-";
        foreach (var year in report.OutOfSample.Years)
        {
            table.AddRow(year.Year.ToString(CultureInfo.InvariantCulture), year.TrainingRows.ToString(CultureInfo.InvariantCulture),
                year.TestRows.ToString(CultureInfo.InvariantCulture), Number(year.RSquared), Number(year.MeanAbsoluteError), Number(year.Spearman));
        }

        var pooled = report.OutOfSample.Pooled;
        table.AddRow("pooled", "", pooled.Rows.ToString(CultureInfo.InvariantCulture), Number(pooled.RSquared), Number(pooled.MeanAbsoluteError), Number(pooled.Spearman));
        FittedTable.Write(table);
        AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"score (pooled out-of-sample Spearman) {Number(report.Score)}; the worker uses a model scoring at least Sizing:Ml:MinOutOfSampleScore {report.MinOutOfSampleScore}"));
    }

    private sealed record MlTrainingResult(MlModelMetrics Metrics, int LiveWithoutFeatures, byte[] Model);
}
