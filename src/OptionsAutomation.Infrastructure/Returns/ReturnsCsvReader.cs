using System.Globalization;
using OptionsAutomation.Core.Analytics;
using OptionsAutomation.Infrastructure.Csv;

namespace OptionsAutomation.Infrastructure.Returns;

/// <summary>
/// Reads a series for <see cref="ReturnStatistics"/> from a CSV whose header names <c>date</c> and either <c>return</c>
/// (simple returns per period, 0.01 = 1%; a blank value is a missing period, as a NaN in empyrical) or <c>equity</c>
/// (account values, above zero, turned into returns from one row to the next). Dates are YYYY-MM-DD and must increase.
/// Fields may be quoted (see <see cref="HeadedCsvFile"/>).
/// </summary>
public static class ReturnsCsvReader
{
    /// <exception cref="ReturnsFileException">for a missing or empty file, an unclear header or the first bad row.</exception>
    public static ReturnSeries Read(string path)
    {
        try
        {
            using var file = HeadedCsvFile.Open(path);
            return Read(file);
        }
        catch (CsvFileException e)
        {
            throw new ReturnsFileException(path, e.Line, e.Reason);
        }
    }

    private static ReturnSeries Read(HeadedCsvFile file)
    {
        var (hasReturn, hasEquity) = (file.Has("return"), file.Has("equity"));
        if (!file.Has("date") || hasReturn == hasEquity)
        {
            throw new CsvFileException(1, "the header must name date and either return or equity (date,return or date,equity).");
        }

        var returns = new List<(DateOnly, double)>();
        var equity = new List<(DateOnly, decimal)>();
        DateOnly? previous = null;
        while (file.Read())
        {
            var day = Date(file, previous);
            previous = day;
            if (hasReturn)
            {
                returns.Add((day, Return(file)));
            }
            else
            {
                equity.Add((day, Equity(file)));
            }
        }

        if (returns.Count + equity.Count == 0)
        {
            throw new CsvFileException(0, "the file has no data rows.");
        }

        return hasReturn ? ReturnSeries.FromReturns(returns) : ReturnSeries.FromEquity(equity);
    }

    private static DateOnly Date(HeadedCsvFile row, DateOnly? previous)
    {
        var text = row["date"];
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new CsvFileException(row.Line, $"date '{text}' is not a date in the form YYYY-MM-DD.");
        }

        return date > previous || previous is null
            ? date
            : throw new CsvFileException(row.Line, $"date {date:yyyy-MM-dd} does not come after {previous:yyyy-MM-dd}; rows must be in date order, one per date.");
    }

    private static double Return(HeadedCsvFile row)
    {
        var text = row["return"];
        if (text.Length == 0)
        {
            return double.NaN;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && double.IsFinite(r)
            ? r
            : throw new CsvFileException(row.Line, $"return '{text}' is not a number (0.01 = 1%; leave it blank for a missing period).");
    }

    private static decimal Equity(HeadedCsvFile row)
    {
        var text = row["equity"];
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var e) && e > 0m
            ? e
            : throw new CsvFileException(row.Line, $"equity '{text}' is not an amount above zero.");
    }
}
