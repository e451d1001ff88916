namespace OptionsAutomation.Infrastructure.Returns;

/// <summary>
/// A returns or equity file that cannot be used, pointing at the line: <c>returns.csv line 3: return 'abc' is not a number.</c>
/// Statistics of part of a series would look real, so the first bad row stops the read.
/// </summary>
public sealed class ReturnsFileException(string path, int line, string reason)
    : Exception(line > 0 ? $"{path} line {line}: {reason}" : $"{path}: {reason}");
