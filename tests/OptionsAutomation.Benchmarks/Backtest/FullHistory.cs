using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using OptionsAutomation.Cli;
using OptionsAutomation.Hosting;
using OptionsAutomation.Core.Backtest;
using OptionsAutomation.Infrastructure.Backtest;
using OptionsAutomation.Infrastructure.Brokers;
using OptionsAutomation.Infrastructure.MarketData.Csv;

namespace OptionsAutomation.Benchmarks.Backtest;

/// <summary>
/// What <c>optauto backtest</c> with no arguments replays: the whole shipped history (2000-01-03 → 2025-12-31) of SPY
/// from $100,000 with the settings it binds (appsettings.json next to the binary, the CLI's own binding), and the real
/// SPY 2021 chain already read, so a measurement is the replay alone (the reads are measured on their own).
/// </summary>
public sealed record FullHistory(MarketHistory History, BacktestEngine Engine, BacktestRun Run)
{
    public static readonly DateOnly From = new(2000, 1, 3);
    public static readonly DateOnly To = new(2025, 12, 31);

    public static async Task<FullHistory> LoadAsync()
    {
        await using var services = CliServices.Create([]);
        var directory = MarketHistoryFiles.DefaultDirectory;
        var history = MarketHistoryFiles.Load(directory);
        var chains = MarketHistoryFiles.RealChains(directory, NullLogger<CsvMarketData>.Instance);
        await chains.LoadAsync(CancellationToken.None).ConfigureAwait(false);
        var engine = new BacktestEngine(history, chains, ServiceRegistration.ReadTrading(services.Get<IConfiguration>()), services.Get<PaperBrokerSettings>());
        var run = new BacktestRun(From, To, "SPY", 100_000m, BacktestCommand.BacktestSettingsOf(services.Get<IConfiguration>()));
        return new FullHistory(history, engine, run);
    }
}
