using OptionsAutomation.Core.MarketData;

namespace OptionsAutomation.Infrastructure.MarketData.Csv;

/// <summary>One underlying close and the line it came from.</summary>
internal readonly record struct UnderlyingRow(UnderlyingQuote Quote, int Line);

/// <summary>What one underlying file gave: its closes and the rows it skipped, each with the reason.</summary>
internal sealed record UnderlyingFileRows(string Symbol, string Path, IReadOnlyList<UnderlyingRow> Rows, IReadOnlyList<CsvRowProblem> Skipped);

/// <summary>
/// Reads a daily bar file for one symbol: the <c>spy_daily.csv</c> layout (date,open,high,low,close,adj_close,volume)
/// or the <c>spy_stock_2021.csv</c> one (symbol,date,close,…,adjClose,…). Both are found by header name; the
/// quote is the raw <c>close</c> (what strikes compare with, not the dividend-adjusted one), stamped 16:00 New
/// York. Where the file has a <c>symbol</c> column, a row for another symbol is skipped as a bad row.
/// </summary>
internal static class UnderlyingFileReader
{
    public static readonly string[] RequiredColumns = ["date", "close"];

    public static UnderlyingFileRows Read(string symbol, string path)
    {
        using var reader = CsvLineReader.Open(path);
        var missing = reader.Header.Missing(RequiredColumns);
        if (missing.Count > 0)
        {
            throw new MarketDataFileException(path, 1, $"not a daily bar file: the header lacks {string.Join(", ", missing)}.");
        }

        var date = reader.Header.Optional("date");
        var close = reader.Header.Optional("close");
        var symbolColumn = reader.Header.Optional("symbol");
        var rows = new List<UnderlyingRow>();
        var skipped = new List<CsvRowProblem>();
        while (reader.Read(out var record, out var problem))
        {
            if (problem is not null)
            {
                skipped.Add(problem);
                continue;
            }

            try
            {
                if (symbolColumn.Present && !record[symbolColumn].Equals(symbol, StringComparison.Ordinal))
                {
                    throw new CsvRowException($"symbol '{record[symbolColumn]}' is not {symbol}, the symbol this file is configured for.");
                }

                var quote = new UnderlyingQuote(
                    symbol, CsvValues.RequiredPositiveDecimal(record, close), null, null, EndOfDay.On(CsvValues.RequiredDate(record, date)));
                rows.Add(new UnderlyingRow(quote, record.LineNumber));
            }
            catch (CsvRowException e)
            {
                skipped.Add(new CsvRowProblem(path, record.LineNumber, e.Message));
            }
        }

        return new UnderlyingFileRows(symbol, path, rows, skipped);
    }
}
