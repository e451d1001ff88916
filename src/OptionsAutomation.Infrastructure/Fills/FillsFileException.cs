namespace OptionsAutomation.Infrastructure.Fills;

/// <summary>
/// A fills file that cannot be replayed, pointing at the line: <c>fills.csv line 4: side 'hold' is neither buy nor sell.</c>
/// Nothing is replayed from a file with a bad row: a ledger missing a fill would print P&amp;L that looks real.
/// </summary>
public sealed class FillsFileException(string path, int line, string reason)
    : Exception(line > 0 ? $"{path} line {line}: {reason}" : $"{path}: {reason}")
{
    public int Line { get; } = line;
}
