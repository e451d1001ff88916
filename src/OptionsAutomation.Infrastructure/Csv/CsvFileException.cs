namespace OptionsAutomation.Infrastructure.Csv;

/// <summary>
/// A headed CSV file that cannot be read as a whole: missing, empty, a bad header, or a row that is not well formed.
/// <see cref="Line"/> is where the problem starts (the header is line 1; 0 when it is about the whole file); each
/// file's reader turns it into its own exception, which adds the path.
/// </summary>
internal sealed class CsvFileException(int line, string reason) : Exception(reason)
{
    public int Line { get; } = line;

    public string Reason { get; } = reason;
}
