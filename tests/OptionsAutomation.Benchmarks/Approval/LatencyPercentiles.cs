using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace OptionsAutomation.Benchmarks.Approval;

/// <summary>
/// P50, P95 and P99 of the measured iterations. BenchmarkDotNet ships P0…P100 columns at fixed points (P95 is among
/// them, P99 is not), so P99 is a column of ours reading the same percentile statistics.
/// </summary>
public sealed class LatencyPercentiles : ManualConfig
{
    public LatencyPercentiles() => AddColumn(StatisticColumn.P50, StatisticColumn.P95, new P99Column());

    private sealed class P99Column : IColumn
    {
        public string Id => "P99";

        public string ColumnName => "P99";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Statistics;

        public int PriorityInCategory => 10;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Time;

        public string Legend => "Percentile 99: 99% of all measurements took this long or less";

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
            summary[benchmarkCase]?.ResultStatistics?.Percentiles.Percentile(99) is { } nanoseconds
                ? $"{nanoseconds / 1_000_000d:N3} ms"
                : "NA";
    }
}
