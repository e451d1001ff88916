using OptionsAutomation.Core.Backtest;
using OptionsAutomation.Infrastructure.Csv;

namespace OptionsAutomation.Infrastructure.Backtest;

/// <summary>
/// Reads FRED's DTB3 file (observation_date,DTB3: the 3-month T-bill discount rate in percent). FRED leaves the value
/// empty or '.' on bond-market holidays; such a day carries the previous day's rate forward, marked
/// <see cref="TreasuryBillRate.CarriedForward"/>, since collateral earns over a holiday what it earned the day before.
/// A file starting with no value has nothing to carry and is refused.
/// </summary>
public static class TreasuryBillCsvReader
{
    /// <exception cref="MarketHistoryFileException">for a missing or empty file, a header without the columns, a first row without a value or a bad row.</exception>
    public static IReadOnlyList<TreasuryBillRate> Read(string path)
    {
        TreasuryBillRate? last = null;
        return HistoryCsv.Read(path, "observation_date", ["DTB3"], (row, date) =>
        {
            last = HistoryCsv.Optional(row, "DTB3") is { } percent
                ? new TreasuryBillRate(date, percent, CarriedForward: false)
                : last is not null
                    ? new TreasuryBillRate(date, last.DiscountPercent, CarriedForward: true)
                    : throw new CsvFileException(row.Line, $"DTB3 has no value on {date:yyyy-MM-dd}, the first row: there is no earlier rate to carry forward.");
            return last;
        });
    }
}
