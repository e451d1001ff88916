using OptionsAutomation.Core.Analytics;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Backtest;

/// <summary>
/// A run's statistics, each from Core's analytics on the run's own rows: <see cref="ReturnStatistics"/> (daily returns of
/// the equity curve, the starting equity on the day before the first session; rf = 0) and <see cref="TradeStatistics"/> on
/// the trade history. Exits are counted by reason; <see cref="Assignments"/> are the trades settled by assignment.
/// </summary>
public sealed record BacktestStats(
    ReturnStatistics Returns,
    TradeStatistics Trades,
    IReadOnlyDictionary<ExitReason, int> ExitsByReason,
    int Assignments,
    decimal InterestEarned)
{
    public static BacktestStats Of(decimal startingEquity, DateOnly before, IReadOnlyList<SessionEquity> equity, IReadOnlyList<TradeRecord> trades)
    {
        ArgumentNullException.ThrowIfNull(equity);
        ArgumentNullException.ThrowIfNull(trades);
        var curve = new List<(DateOnly, decimal)>(equity.Count + 1) { (before, startingEquity) };
        curve.AddRange(equity.Select(e => (e.Date, e.Equity)));
        var byReason = trades.GroupBy(t => t.ExitReason).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());
        return new BacktestStats(
            ReturnStatistics.Of(ReturnSeries.FromEquity(curve)),
            TradeStatistics.Of(trades),
            byReason,
            byReason.GetValueOrDefault(ExitReason.Assigned),
            equity.Sum(e => e.Interest));
    }
}
