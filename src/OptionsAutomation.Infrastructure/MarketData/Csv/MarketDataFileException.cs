namespace OptionsAutomation.Infrastructure.MarketData.Csv;

/// <summary>
/// A market-data file that cannot be used at all (missing, empty, or a header without the columns the
/// reader needs). Loading stops: replaying from part of the data would give answers that look real.
/// </summary>
public sealed class MarketDataFileException(string path, int line, string reason)
    : Exception($"{path}:{line}: {reason}")
{
    public string Path { get; } = path;

    public int Line { get; } = line;

    /// <summary>What is wrong, without the path and line (for callers that report those their own way).</summary>
    public string Reason { get; } = reason;
}
