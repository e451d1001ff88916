namespace OptionsAutomation.Core.Backtest;

/// <summary>
/// What the backtest report (<c>--report</c>) and the dashboard's Backtest page draw, computed once here so both show
/// the same numbers: the equity curve against buying and holding the underlying, both drawdowns, the monthly and yearly
/// returns, and the trade P&amp;L histogram.
/// </summary>
/// <remarks>
/// Buy-and-hold puts the starting equity into the underlying at the close of the session before the first one (the day
/// the strategy's curve starts from; the first session's close when the history has none before it) and holds it on the
/// raw closes: dividends are ignored (price return, about 1.5% a year below SPY's total return). Not the file's adjusted
/// close: in <c>spy_daily.csv</c> it equals the close up to 2021-04-27 and is dividend-adjusted from 2021-04-28 on, a
/// 6.9% step down in one day that no market made. Fractional shares, no fees.
/// </remarks>
public sealed record BacktestCharts(
    IReadOnlyList<BacktestCharts.Point> Points,
    IReadOnlyList<MonthlyReturn> Months,
    IReadOnlyList<YearlyReturn> Years,
    IReadOnlyList<PnlBin> PnlHistogram)
{
    /// <summary>One session: the strategy's and buy-and-hold's equity at the close, each one's drawdown below its running peak (≤ 0).</summary>
    public sealed record Point(DateOnly Date, decimal Equity, decimal BuyHold, double Drawdown, double BuyHoldDrawdown);

    public static BacktestCharts Of(BacktestResult result, IReadOnlyList<DailyBar> bars)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(bars);
        var starting = result.Run.StartingEquity;
        var closes = bars.ToDictionary(b => b.Date, b => b.Close);
        var first = result.Equity.Count == 0 ? result.Run.From : result.Equity[0].Date;
        var entry = bars.LastOrDefault(b => b.Date < first) ?? bars.FirstOrDefault(b => b.Date >= first)
            ?? throw new ArgumentException($"the bars hold no close on or before {first:yyyy-MM-dd}.", nameof(bars));

        var points = new List<Point>(result.Equity.Count);
        var (peak, holdPeak) = (starting, starting);
        foreach (var session in result.Equity)
        {
            var hold = closes.TryGetValue(session.Date, out var close)
                ? decimal.Round(starting * close / entry.Close, 2, MidpointRounding.AwayFromZero)
                : throw new ArgumentException($"the bars hold no close for the session {session.Date:yyyy-MM-dd}.", nameof(bars));
            (peak, holdPeak) = (Math.Max(peak, session.Equity), Math.Max(holdPeak, hold));
            points.Add(new Point(session.Date, session.Equity, hold, Below(session.Equity, peak), Below(hold, holdPeak)));
        }

        return new BacktestCharts(
            points,
            PeriodReturns.Monthly(starting, result.Equity),
            PeriodReturns.Yearly(starting, result.Equity),
            PnlBin.Histogram(result.Trades.Select(t => t.Pnl).ToList()));
    }

    private static double Below(decimal value, decimal peak) => peak <= 0m ? 0d : (double)(value / peak) - 1d;
}
