using Microsoft.Extensions.Logging.Abstractions;
using OptionsAutomation.Core.Backtest;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Backtest;
using OptionsAutomation.Infrastructure.Brokers;
using OptionsAutomation.Integration.Tests.Support;
using Xunit.Abstractions;

namespace OptionsAutomation.Integration.Tests.Backtest;

public sealed class BacktestEngineTests(ITestOutputHelper output)
{
    private static readonly string Market = Path.Combine(RepositoryRoot.Path, "data", "market");
    private static readonly MarketHistory History = MarketHistoryFiles.Load(Market);

    [Fact]
    public async Task Probe()
    {
        var settings = new TradingSettings
        {
            Proposals = new() { Watchlist = new Dictionary<string, IReadOnlyList<string>> { ["SPY"] = ["CSP", "VPC"] } },
        };
        var engine = new BacktestEngine(History, MarketHistoryFiles.RealChains(Market, NullLogger<Infrastructure.MarketData.Csv.CsvMarketData>.Instance), settings, new PaperBrokerSettings());
        var run = new BacktestRun(new DateOnly(2008, 1, 1), new DateOnly(2009, 12, 31), "SPY", 100_000m, new BacktestSettings());
        var result = await engine.RunAsync(run, null, CancellationToken.None);
        foreach (var e in result.Equity) output.WriteLine($"{e}");
        foreach (var t in result.Trades) output.WriteLine($"{t}");
        output.WriteLine($"{result.Proposals} {result.Approved} {result.Stats.Returns.TotalReturn}");
    }
}
