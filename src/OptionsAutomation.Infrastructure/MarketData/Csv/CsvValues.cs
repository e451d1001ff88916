using System.Globalization;

namespace OptionsAutomation.Infrastructure.MarketData.Csv;

/// <summary>
/// Field parsing shared by the readers. Numbers are invariant-culture; dates are ISO <c>yyyy-MM-dd</c> or US
/// <c>MM/dd/yyyy</c> (the SPX files), told apart by their separator, so no date is ever read both ways.
/// Every failure throws <see cref="CsvRowException"/> naming the column and the text found.
/// </summary>
internal static class CsvValues
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "MM/dd/yyyy", "M/d/yyyy"];

    public static DateOnly RequiredDate(in CsvRecord record, CsvColumn column) => Date(column.Name, record[column]);

    public static DateOnly Date(string columnName, ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            throw Blank(columnName);
        }

        return DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CsvRowException($"{columnName} '{text}' is not a date (yyyy-MM-dd or MM/dd/yyyy).");
    }

    public static decimal RequiredPositiveDecimal(in CsvRecord record, CsvColumn column)
    {
        var value = OptionalNonNegativeDecimal(record, column) ?? throw Blank(column.Name);
        return value > 0m ? value : throw new CsvRowException($"{column.Name} must be above 0, was {value}.");
    }

    /// <summary>Null when the field is blank or the column absent.</summary>
    public static decimal? OptionalNonNegativeDecimal(in CsvRecord record, CsvColumn column)
    {
        var text = record[column];
        if (text.IsEmpty)
        {
            return null;
        }

        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new CsvRowException($"{column.Name} '{text}' is not a number.");
        }

        return value >= 0m ? value : throw new CsvRowException($"{column.Name} must not be negative, was {value}.");
    }

    public static double? OptionalDouble(in CsvRecord record, CsvColumn column, double min, double max)
    {
        var text = record[column];
        if (text.IsEmpty)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw new CsvRowException($"{column.Name} '{text}' is not a number.");
        }

        return value >= min && value <= max
            ? value
            : throw new CsvRowException($"{column.Name} {text} is outside [{min}, {max}].");
    }

    public static long? OptionalCount(in CsvRecord record, CsvColumn column)
    {
        var text = record[column];
        if (text.IsEmpty)
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new CsvRowException($"{column.Name} '{text}' is not a whole non-negative number.");
    }

    private static CsvRowException Blank(string columnName) => new($"{columnName} is blank.");
}
