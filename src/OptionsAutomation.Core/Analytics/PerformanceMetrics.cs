namespace OptionsAutomation.Core.Analytics;

/// <summary>
/// <c>v_performance_metrics</c> over all closed trades. <see cref="WinRate"/> is a percentage;
/// <see cref="MaxLoss"/> is the worst losing trade's P&amp;L (≤ 0) and <see cref="MaxWin"/> the best
/// winner's; <see cref="PnlStddev"/> is the sample standard deviation, null below two trades.
/// </summary>
public sealed record PerformanceMetrics(
    long TotalTrades,
    long TotalWins,
    long TotalLosses,
    decimal WinRate,
    decimal TotalPnl,
    decimal AvgPnlPerTrade,
    decimal MaxLoss,
    decimal MaxWin,
    decimal? PnlStddev);
