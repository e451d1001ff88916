using BenchmarkDotNet.Attributes;
using OptionsAutomation.Core.Backtest;
using OptionsAutomation.Infrastructure.Backtest;

namespace OptionsAutomation.Benchmarks.Backtest;

/// <summary>
/// What <c>optauto backtest</c> pays before its first session: <see cref="MarketHistoryFiles.Load"/> (SPY bars, VIX,
/// DTB3, each row checked), against the floor of reading the same three files' lines, which no reader can avoid.
/// </summary>
public class MarketHistoryLoadBenchmarks
{
    private readonly string _directory = MarketHistoryFiles.DefaultDirectory;

    [Benchmark(Baseline = true, Description = "floor: the three files' lines")]
    public int ReadLines() =>
        ((string[])[MarketHistoryFiles.SpyDaily, MarketHistoryFiles.VixDaily, MarketHistoryFiles.TreasuryBills])
            .Sum(file => File.ReadAllLines(Path.Combine(_directory, file)).Length);

    [Benchmark(Description = "MarketHistoryFiles.Load")]
    public MarketHistory Load() => MarketHistoryFiles.Load(_directory);
}
