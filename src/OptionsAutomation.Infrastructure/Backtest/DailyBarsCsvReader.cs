using OptionsAutomation.Core.Backtest;
using OptionsAutomation.Infrastructure.Csv;

namespace OptionsAutomation.Infrastructure.Backtest;

/// <summary>
/// Reads daily bars in the <c>spy_daily.csv</c> layout (date,open,high,low,close,adj_close,volume; data/market/README.md).
/// Prices must be above zero and the low can be no higher than the open, close or high.
/// </summary>
public static class DailyBarsCsvReader
{
    /// <exception cref="MarketHistoryFileException">for a missing or empty file, a header without the columns or the first bad row.</exception>
    public static IReadOnlyList<DailyBar> Read(string path) =>
        HistoryCsv.Read(path, "date", ["open", "high", "low", "close", "adj_close", "volume"], (row, date) =>
        {
            var bar = new DailyBar(
                date,
                HistoryCsv.Positive(row, "open"),
                HistoryCsv.Positive(row, "high"),
                HistoryCsv.Positive(row, "low"),
                HistoryCsv.Positive(row, "close"),
                HistoryCsv.Positive(row, "adj_close"),
                HistoryCsv.Count(row, "volume"));
            return bar.Low <= Math.Min(bar.Open, bar.Close) && Math.Max(bar.Open, bar.Close) <= bar.High
                ? bar
                : throw new CsvFileException(row.Line, $"open {bar.Open}, close {bar.Close} do not lie between low {bar.Low} and high {bar.High}.");
        });
}
