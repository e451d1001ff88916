using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Analytics;

/// <summary>
/// Statistics of closed round trips (trade_history rows). A win is <see cref="TradeOutcome.Win"/> (P&amp;L after fees above
/// zero); a break-even trade is a loss, as everywhere in the product. Money is decimal: totals exact, averages
/// (<see cref="AverageWin"/>, <see cref="AverageLoss"/>, <see cref="Expectancy"/>) rounded to the cent, and null when
/// there is nothing to average; <see cref="WinRate"/> is a percentage rounded to 0.01 (as <c>v_performance_metrics</c>).
/// Ratios are doubles: <see cref="PayoffRatio"/> = average win ÷ |average loss| (NaN without wins or without losses),
/// <see cref="ProfitFactor"/> = gross profit ÷ |gross loss| (+∞ when nothing was lost, NaN when both are 0).
/// <see cref="Expectancy"/> = win rate × average win + loss rate × average loss, i.e. the mean P&amp;L per trade.
/// Holding periods are New York calendar days from entry to close (as <c>days_held</c>). <see cref="Turnover"/> =
/// collateral committed by the trades ÷ the average equity given (null without one). Streaks follow close time.
/// </summary>
public sealed record TradeStatistics(
    int Trades,
    int Wins,
    int Losses,
    decimal? WinRate,
    decimal TotalPnl,
    decimal GrossProfit,
    decimal GrossLoss,
    decimal? AverageWin,
    decimal? AverageLoss,
    double PayoffRatio,
    double ProfitFactor,
    decimal? Expectancy,
    decimal? LargestWin,
    decimal? LargestLoss,
    double? MeanHoldingDays,
    double? MedianHoldingDays,
    decimal CollateralTraded,
    double? Turnover,
    int MaxConsecutiveWins,
    int MaxConsecutiveLosses)
{
    public static TradeStatistics Of(IReadOnlyList<TradeRecord> trades, decimal? averageEquity = null)
    {
        var ordered = trades.OrderBy(t => t.ClosedAt).ThenBy(t => t.TradeId).ToArray();
        var wins = ordered.Where(t => t.WinLoss == TradeOutcome.Win).Select(t => t.PnlRealized).ToArray();
        var losses = ordered.Where(t => t.WinLoss == TradeOutcome.Loss).Select(t => t.PnlRealized).ToArray();
        var (grossProfit, grossLoss) = (wins.Sum(), losses.Sum());
        var averageWin = AverageOf(wins);
        var averageLoss = AverageOf(losses);
        var holding = ordered.Select(t => (double)(MarketTime.DateOf(t.ClosedAt).DayNumber - MarketTime.DateOf(t.EntryDate).DayNumber)).Order().ToArray();
        var collateral = ordered.Sum(t => t.CollateralRequired);
        return new TradeStatistics(
            ordered.Length,
            wins.Length,
            losses.Length,
            ordered.Length == 0 ? null : decimal.Round(100m * wins.Length / ordered.Length, 2),
            grossProfit + grossLoss,
            grossProfit,
            grossLoss,
            averageWin,
            averageLoss,
            wins.Length == 0 || losses.Length == 0 ? double.NaN : (double)(grossProfit / wins.Length) / Math.Abs((double)(grossLoss / losses.Length)),
            (double)grossProfit / Math.Abs((double)grossLoss),
            AverageOf([.. ordered.Select(t => t.PnlRealized)]),
            wins.Length == 0 ? null : wins.Max(),
            losses.Length == 0 ? null : losses.Min(),
            holding.Length == 0 ? null : holding.Average(),
            holding.Length == 0 ? null : Sample.Percentile(holding, 50),
            collateral,
            averageEquity is > 0m and var equity ? (double)(collateral / equity) : null,
            LongestRun(ordered, TradeOutcome.Win),
            LongestRun(ordered, TradeOutcome.Loss));
    }

    private static decimal? AverageOf(decimal[] amounts) =>
        amounts.Length == 0 ? null : decimal.Round(amounts.Sum() / amounts.Length, 2);

    private static int LongestRun(IEnumerable<TradeRecord> ordered, TradeOutcome outcome)
    {
        var (longest, current) = (0, 0);
        foreach (var trade in ordered)
        {
            current = trade.WinLoss == outcome ? current + 1 : 0;
            longest = Math.Max(longest, current);
        }

        return longest;
    }
}
