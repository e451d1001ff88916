namespace OptionsAutomation.Infrastructure.MarketData.Csv;

/// <summary>
/// Thrown while parsing one row; the file readers catch it, record a <see cref="CsvRowProblem"/> with the file
/// and line, and go on with the next row. Bad rows are rare, so an exception keeps the field code linear.
/// </summary>
internal sealed class CsvRowException(string reason) : Exception(reason);
