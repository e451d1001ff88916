using OptionsAutomation.Core.Backtest;
using OptionsAutomation.Infrastructure.Csv;

namespace OptionsAutomation.Infrastructure.Backtest;

/// <summary>
/// Reads daily bars in the <c>spy_daily.csv</c> layout (date,open,high,low,close,adj_close,volume; data/market/README.md).
/// Prices must be above zero and the low can be no higher than the open, close or high. Open, high, low and close are
/// rounded to 4 decimals, the book's price scale (<c>PriceRules</c>): the file carries single-precision artefacts
/// (79.519997 for the 79.52 close of 2008-11-21), and an assignment's exit price made from one (85 − 79.519997) is
/// refused, so the position could never settle (issue 13). Sixteenths before decimalisation (145.4375) stay exact.
/// </summary>
public static class DailyBarsCsvReader
{
    private const int PriceDecimals = 4;

    /// <exception cref="MarketHistoryFileException">for a missing or empty file, a header without the columns or the first bad row.</exception>
    public static IReadOnlyList<DailyBar> Read(string path) =>
        HistoryCsv.Read(path, "date", ["open", "high", "low", "close", "adj_close", "volume"], (row, date) =>
        {
            var bar = new DailyBar(
                date,
                Price(row, "open"),
                Price(row, "high"),
                Price(row, "low"),
                Price(row, "close"),
                HistoryCsv.Positive(row, "adj_close"),
                HistoryCsv.Count(row, "volume"));
            return bar.Low <= Math.Min(bar.Open, bar.Close) && Math.Max(bar.Open, bar.Close) <= bar.High
                ? bar
                : throw new CsvFileException(row.Line, $"open {bar.Open}, close {bar.Close} do not lie between low {bar.Low} and high {bar.High}.");
        });

    private static decimal Price(HeadedCsvFile row, string column) =>
        decimal.Round(HistoryCsv.Positive(row, column), PriceDecimals, MidpointRounding.AwayFromZero);
}
