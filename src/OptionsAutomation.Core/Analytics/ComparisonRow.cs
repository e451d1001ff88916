namespace OptionsAutomation.Core.Analytics;

/// <summary>
/// One group of closed trades, after fees: <see cref="WinRate"/> in percent; <see cref="PnlPerDayHeld"/> = P&amp;L ÷ the
/// New York days the trades were held (a trade closed the day it opened counts one day); <see cref="ReturnOnRisk"/> =
/// P&amp;L ÷ the max risk the trades carried (null when they carried none); <see cref="MaxDrawdown"/> = the deepest fall
/// of the group's cumulative P&amp;L in close order from its running peak (the peak starts at 0), zero or negative.
/// Money is unrounded; the CLI, API and dashboard round at the edge.
/// </summary>
public sealed record ComparisonRow(
    string Key,
    int Trades,
    decimal WinRate,
    decimal TotalPnl,
    decimal AveragePnl,
    decimal PnlPerDayHeld,
    decimal? ReturnOnRisk,
    decimal MaxDrawdown);
