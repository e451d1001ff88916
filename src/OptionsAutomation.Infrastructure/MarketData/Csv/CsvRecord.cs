namespace OptionsAutomation.Infrastructure.MarketData.Csv;

/// <summary>
/// One data line split into fields, without copying: valid until the reader moves on, so callers take
/// what they need (numbers, dates, short strings) before reading the next line.
/// </summary>
internal readonly struct CsvRecord(string line, Range[] fields, int lineNumber)
{
    public int LineNumber => lineNumber;

    /// <summary>The trimmed text of a column; empty when the file has no such column.</summary>
    public ReadOnlySpan<char> this[CsvColumn column] =>
        column.Present ? line.AsSpan()[fields[column.Index]].Trim() : [];
}
