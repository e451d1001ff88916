using OptionsAutomation.Core.Backtest;

namespace OptionsAutomation.Infrastructure.Backtest;

/// <summary>
/// Reads the VIX closes of <c>vix_daily.csv</c> (DATE,OPEN,HIGH,LOW,CLOSE; only DATE and CLOSE are used). Rows on days
/// the NYSE was closed (Cboe's global session, from mid-2022) are kept: the backtest asks only for sessions.
/// </summary>
public static class VixCsvReader
{
    /// <exception cref="MarketHistoryFileException">for a missing or empty file, a header without the columns or the first bad row.</exception>
    public static IReadOnlyList<IndexClose> Read(string path) =>
        HistoryCsv.Read(path, "DATE", ["CLOSE"], (row, date) => new IndexClose(date, HistoryCsv.Positive(row, "CLOSE")));
}
