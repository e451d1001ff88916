namespace OptionsAutomation.Core.Risk.Portfolio;

/// <summary>
/// One-day value at risk and expected shortfall, in dollars, reported as losses: <see cref="Var"/> = −(the
/// (1 − confidence) quantile of P&amp;L), so 1,250.00 means "a loss of $1,250 or more one day in twenty" at 95%.
/// A negative figure means the portfolio gains even in that tail. <see cref="Cvar"/> is the mean loss on the
/// days at or beyond the VaR.
/// </summary>
public sealed record VarEstimate(decimal Var, decimal Cvar)
{
    internal static VarEstimate FromDollars(double var, double cvar) => new(RiskRounding.Cents(var), RiskRounding.Cents(cvar));

    /// <summary>Empirical VaR and CVaR of a P&amp;L sample (historical days or Monte Carlo paths).</summary>
    internal static VarEstimate FromSample(IReadOnlyList<double> pnl, double confidence)
    {
        var cutoff = RiskStatistics.Quantile(pnl, 1 - confidence);
        var tail = pnl.Where(x => x <= cutoff).ToList();
        return FromDollars(-cutoff, -RiskStatistics.Mean(tail));
    }
}
