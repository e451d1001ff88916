using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;

namespace OptionsAutomation.Benchmarks;

/// <summary>
/// What every benchmark reports: min, median and max beside the mean, allocations beside time (MemoryDiagnoser), and BenchmarkDotNet's default exports
/// per class (GitHub markdown, CSV, HTML), which scripts/bench.sh turns into docs/benchmarks.md. Each class keeps its
/// baseline beside what it measures, so every figure comes with a ratio to a floor measured in the same run.
/// </summary>
public static class BenchmarkConfig
{
    /// <summary>
    /// Each run builds its own copy of the CLI project and everything under it, without the compiler server: minutes on
    /// a busy two-core machine, where the default two would stop it.
    /// </summary>
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(15);

    public static IConfig Create() =>
        ManualConfig.Create(DefaultConfig.Instance)
            .AddColumn(StatisticColumn.Min, StatisticColumn.Median, StatisticColumn.Max)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithBuildTimeout(BuildTimeout);
}
