using System.Globalization;
using OptionsAutomation.Core.Analytics;
using OptionsAutomation.Infrastructure.MarketData.Csv;

namespace OptionsAutomation.Infrastructure.Returns;

/// <summary>
/// Reads a series for <see cref="ReturnStatistics"/> from a CSV whose header names <c>date</c> and either <c>return</c>
/// (simple returns per period, 0.01 = 1%; a blank value is a missing period, as a NaN in empyrical) or <c>equity</c>
/// (account values, above zero, turned into returns from one row to the next). Dates are YYYY-MM-DD and must increase.
/// </summary>
public static class ReturnsCsvReader
{
    /// <exception cref="ReturnsFileException">for a missing or empty file, an unclear header or the first bad row.</exception>
    public static ReturnSeries Read(string path)
    {
        using var reader = Open(path);
        var (date, hasReturn, hasEquity) = (reader.Header.Optional("date"), reader.Header.Has("return"), reader.Header.Has("equity"));
        if (!date.Present || hasReturn == hasEquity)
        {
            throw new ReturnsFileException(path, 1, "the header must name date and either return or equity (date,return or date,equity).");
        }

        var value = reader.Header.Optional(hasReturn ? "return" : "equity");
        var returns = new List<(DateOnly, double)>();
        var equity = new List<(DateOnly, decimal)>();
        DateOnly? previous = null;
        while (reader.Read(out var record, out var problem))
        {
            if (problem is not null)
            {
                throw new ReturnsFileException(path, problem.Line, problem.Reason);
            }

            var day = Date(path, record, date, previous);
            previous = day;
            if (hasReturn)
            {
                returns.Add((day, Return(path, record, value)));
            }
            else
            {
                equity.Add((day, Equity(path, record, value)));
            }
        }

        if (returns.Count + equity.Count == 0)
        {
            throw new ReturnsFileException(path, 0, "the file has no data rows.");
        }

        return hasReturn ? ReturnSeries.FromReturns(returns) : ReturnSeries.FromEquity(equity);
    }

    private static CsvLineReader Open(string path)
    {
        try
        {
            return CsvLineReader.Open(path);
        }
        catch (MarketDataFileException e)
        {
            throw new ReturnsFileException(path, e.Line, e.Reason);
        }
    }

    private static DateOnly Date(string path, in CsvRecord record, CsvColumn column, DateOnly? previous)
    {
        var text = record[column];
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new ReturnsFileException(path, record.LineNumber, $"date '{text}' is not a date in the form YYYY-MM-DD.");
        }

        return date > previous || previous is null
            ? date
            : throw new ReturnsFileException(path, record.LineNumber, $"date {date:yyyy-MM-dd} does not come after {previous:yyyy-MM-dd}; rows must be in date order, one per date.");
    }

    private static double Return(string path, in CsvRecord record, CsvColumn column)
    {
        var text = record[column];
        if (text.IsEmpty)
        {
            return double.NaN;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && double.IsFinite(r)
            ? r
            : throw new ReturnsFileException(path, record.LineNumber, $"return '{text}' is not a number (0.01 = 1%; leave it blank for a missing period).");
    }

    private static decimal Equity(string path, in CsvRecord record, CsvColumn column)
    {
        var text = record[column];
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var e) && e > 0m
            ? e
            : throw new ReturnsFileException(path, record.LineNumber, $"equity '{text}' is not an amount above zero.");
    }
}
