using System.Globalization;
using OptionsAutomation.Infrastructure.Csv;

namespace OptionsAutomation.Infrastructure.Backtest;

/// <summary>
/// A year's dividend yield from a daily file with dividends (the <c>spy_stock_2021.csv</c> layout: date, close, divCash):
/// the dividends paid over the file's days divided by its average close. The chain model takes it as a continuous yield;
/// for one year of a ~1.3% payer the difference from compounding is below a basis point.
/// </summary>
public static class DividendYieldCsvReader
{
    /// <exception cref="MarketHistoryFileException">for a missing or empty file, a header without the columns or a bad row.</exception>
    public static double Read(string path)
    {
        try
        {
            using var file = HeadedCsvFile.Open(path);
            if (file.Missing(["close", "divCash"]) is { Count: > 0 } missing)
            {
                throw new CsvFileException(1, $"the header lacks {string.Join(", ", missing)}.");
            }

            var (dividends, closes, days) = (0m, 0m, 0);
            while (file.Read())
            {
                closes += HistoryCsv.Positive(file, "close");
                dividends += HistoryCsv.Optional(file, "divCash") ?? 0m;
                days++;
            }

            return days > 0 ? (double)(dividends / (closes / days)) : throw new CsvFileException(0, "the file has no data rows.");
        }
        catch (CsvFileException e)
        {
            throw new MarketHistoryFileException(path, e.Line, e.Reason);
        }
    }
}
