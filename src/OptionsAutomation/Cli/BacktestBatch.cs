using Microsoft.Extensions.Configuration;
using OptionsAutomation.Core.Backtest;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Hosting;
using OptionsAutomation.Infrastructure.Backtest;
using OptionsAutomation.Infrastructure.Brokers;
using OptionsAutomation.Infrastructure.MarketData.Csv;
using Spectre.Console;

namespace OptionsAutomation.Cli;

/// <summary>
/// Several backtests on one shared history load, run in parallel (<c>backtest sweep</c>, <c>sizing evaluate</c>). The
/// market history and the real chains are immutable once loaded (<see cref="MarketHistory"/>'s dictionaries and
/// arrays, <see cref="CsvMarketData"/>'s index behind a thread-safe lazy load), and each run builds its own book, market
/// model and clock, so runs share nothing that changes.
/// </summary>
internal static class BacktestBatch
{
    public sealed record Setup(BacktestEngine Engine, BacktestRun Run, TradingSettings Trading, PaperBrokerSettings Paper);

    /// <summary>
    /// Binds one run's settings through the same configuration layers as any verb (<paramref name="profile"/>'s under
    /// <paramref name="layered"/> command-line overrides) and checks it as <c>backtest</c> does (<see cref="BacktestSetup"/>).
    /// </summary>
    /// <exception cref="CliUsageException">the request <see cref="BacktestSetup"/> refuses, in its words.</exception>
    public static async Task<Setup> SetupAsync(
        IReadOnlyList<string> layered, IReadOnlyDictionary<string, string?> profile, BacktestRequest request, MarketHistory history, CsvMarketData realChains)
    {
        await using var services = CliServices.CreateUnlogged(layered, profile);
        var configuration = services.Get<IConfiguration>();
        var paper = services.Get<PaperBrokerSettings>();
        var trading = ServiceRegistration.ReadTrading(configuration);
        try
        {
            var setup = BacktestSetup.Prepare(request with { Settings = BacktestCommand.BacktestSettingsOf(configuration) }, trading, paper, history, realChains);
            return new Setup(setup.Engine, setup.Run, trading, paper);
        }
        catch (BacktestInputException e)
        {
            throw new CliUsageException(e.Message);
        }
    }

    /// <summary>
    /// Loads the real chains first (so no run waits on, or times, another's load), then runs at most
    /// <paramref name="workers"/> at once, each result in its run's slot, with a progress bar (runs done, named
    /// <paramref name="label"/>) when both streams are a terminal.
    /// </summary>
    public static async Task<BacktestResult[]> RunAllAsync(
        IReadOnlyList<Setup> runs, CsvMarketData realChains, int workers, string label, CancellationToken cancellationToken)
    {
        await realChains.LoadAsync(cancellationToken).ConfigureAwait(false);
        var results = new BacktestResult[runs.Count];
        async Task RunAsync(Action? done)
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(Enumerable.Range(0, runs.Count), options, async (i, token) =>
            {
                results[i] = await runs[i].Engine.RunAsync(runs[i].Run, null, token).ConfigureAwait(false);
                done?.Invoke();
            }).ConfigureAwait(false);
        }

        if (Console.IsOutputRedirected || Console.IsErrorRedirected)
        {
            await RunAsync(null).ConfigureAwait(false);
        }
        else
        {
            await AnsiConsole.Progress().AutoClear(true).StartAsync(async context =>
            {
                var task = context.AddTask(label, maxValue: runs.Count);
                var gate = new Lock();
                await RunAsync(() =>
                {
                    lock (gate)
                    {
                        task.Increment(1);
                    }
                }).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }

        return results;
    }
}
