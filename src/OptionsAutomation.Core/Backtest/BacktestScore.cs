namespace OptionsAutomation.Core.Backtest;

/// <summary>
/// A run judged in a few numbers, so runs that differ in one setting compare on one row: CAGR, maximum drawdown and
/// Sharpe (the run's own <see cref="BacktestStats"/>), the worst calendar month of the equity curve
/// (<see cref="PeriodReturns.Monthly"/>, the report's heatmap; null when the run has no session) and the average
/// contracts per option trade (assigned shares, without an expiration, are not contracts; null without a trade).
/// </summary>
public sealed record BacktestScore(double Cagr, double MaxDrawdown, double Sharpe, MonthlyReturn? WorstMonth, decimal? AverageContracts, int Trades)
{
    public static BacktestScore Of(BacktestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var returns = result.Stats.Returns;
        // MinBy keeps the first of equal worst months (so the row does not depend on how ties are ordered) and gives null without one.
        var worst = PeriodReturns.Monthly(result.Run.StartingEquity, result.Equity).MinBy(m => m.Return);
        var options = result.Trades.Where(t => t.Expiration is not null).ToList();
        decimal? contracts = options.Count == 0 ? null : decimal.Round((decimal)options.Sum(t => t.Quantity) / options.Count, 2, MidpointRounding.AwayFromZero);
        return new BacktestScore(returns.AnnualReturn, returns.MaxDrawdown.Depth, returns.SharpeRatio, worst, contracts, options.Count);
    }
}
