using System.Globalization;
using OptionsAutomation.Infrastructure.Csv;

namespace OptionsAutomation.Infrastructure.Backtest;

/// <summary>
/// The frame of every history reader: open the file, require the columns, read one dated row per line in strictly
/// increasing date order (YYYY-MM-DD), and turn any problem into a <see cref="MarketHistoryFileException"/> naming the
/// file and the line.
/// </summary>
internal static class HistoryCsv
{
    public static IReadOnlyList<T> Read<T>(string path, string dateColumn, IReadOnlyList<string> columns, Func<HeadedCsvFile, DateOnly, T> row)
    {
        try
        {
            using var file = HeadedCsvFile.Open(path);
            var missing = file.Missing([dateColumn, .. columns]);
            if (missing.Count > 0)
            {
                throw new CsvFileException(1, $"the header lacks {string.Join(", ", missing)}; expected {dateColumn},{string.Join(",", columns)}.");
            }

            var rows = new List<T>();
            DateOnly? previous = null;
            while (file.Read())
            {
                var date = Date(file, dateColumn, previous);
                rows.Add(row(file, date));
                previous = date;
            }

            return rows.Count > 0 ? rows : throw new CsvFileException(0, "the file has no data rows.");
        }
        catch (CsvFileException e)
        {
            throw new MarketHistoryFileException(path, e.Line, e.Reason);
        }
    }

    /// <summary>A price above zero.</summary>
    public static decimal Positive(HeadedCsvFile row, string column)
    {
        var text = row[column];
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value > 0m
            ? value
            : throw new CsvFileException(row.Line, $"{column} '{text}' is not a number above zero.");
    }

    /// <summary>A signed number (a rate can be negative), or null for a field left empty or '.', FRED's mark for no value.</summary>
    public static decimal? Optional(HeadedCsvFile row, string column)
    {
        var text = row[column];
        if (text is "" or ".")
        {
            return null;
        }

        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new CsvFileException(row.Line, $"{column} '{text}' is not a number (leave it empty or '.' for a day without a value).");
    }

    public static long Count(HeadedCsvFile row, string column)
    {
        var text = row[column];
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new CsvFileException(row.Line, $"{column} '{text}' is not a whole number at least 0.");
    }

    private static DateOnly Date(HeadedCsvFile row, string column, DateOnly? previous)
    {
        var text = row[column];
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new CsvFileException(row.Line, $"{column} '{text}' is not a date in the form YYYY-MM-DD.");
        }

        return previous is null || date > previous
            ? date
            : throw new CsvFileException(row.Line, $"{column} {date:yyyy-MM-dd} does not come after {previous:yyyy-MM-dd}; rows must be in date order, one per date.");
    }
}
