using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using OptionsAutomation.Infrastructure.Backtest;
using OptionsAutomation.Infrastructure.MarketData.Csv;

namespace OptionsAutomation.Benchmarks.Backtest;

/// <summary>
/// The other read a backtest makes before it trades on 2021: the real SPY 2021 end-of-day chain
/// (<see cref="CsvMarketData.LoadAsync"/>), against the floor of reading the file's lines.
/// </summary>
public class RealChainLoadBenchmarks
{
    private readonly string _directory = MarketHistoryFiles.DefaultDirectory;

    [Benchmark(Baseline = true, Description = "floor: the chain file's lines")]
    public int ReadLines() => File.ReadAllLines(Path.Combine(_directory, MarketHistoryFiles.SpyChain2021)).Length;

    [Benchmark(Description = "CsvMarketData.LoadAsync, SPY 2021")]
    public async Task<int> Load()
    {
        var report = await MarketHistoryFiles.RealChains(_directory, NullLogger<CsvMarketData>.Instance).LoadAsync(CancellationToken.None).ConfigureAwait(false);
        return report.OptionQuotes;
    }
}
