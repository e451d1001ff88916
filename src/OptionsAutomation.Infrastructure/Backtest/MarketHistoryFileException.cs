namespace OptionsAutomation.Infrastructure.Backtest;

/// <summary>
/// A market-history file that cannot be used, naming the file and the line: <c>vix_daily.csv line 12: CLOSE 'x' is not a
/// number.</c> A backtest over a history with a hole it did not notice would look real, so the first bad row stops the read.
/// </summary>
public sealed class MarketHistoryFileException(string path, int line, string reason)
    : Exception(line > 0 ? $"{path} line {line}: {reason}" : $"{path}: {reason}");
