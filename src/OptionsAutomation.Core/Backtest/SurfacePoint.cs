namespace OptionsAutomation.Core.Backtest;

/// <summary>
/// Where an option sits on the volatility surface: <see cref="LogTerm"/> = ln(τ / 30 days) and
/// <see cref="Moneyness"/> = ln(K/F)/(v·√τ), τ in years (ACT/365), F the forward S·e^((r−q)τ) and v = VIX/100: log-moneyness
/// in standard deviations of the VIX-implied move, so the skew stretches with the level of volatility. Measured per root
/// year alone (ln(K/F)/√τ), a skew fitted at VIX 20 stays as steep at VIX 64, where it makes a lower strike's put dearer
/// than a higher one's (issue 13).
/// </summary>
public sealed record SurfacePoint(double LogTerm, double Moneyness)
{
    private const double DaysPerYear = 365;
    private const double ReferenceDays = 30;

    public static SurfacePoint Of(double spot, double strike, int days, double rate, double dividendYield, double vix)
    {
        var years = Years(days);
        var forward = spot * Math.Exp((rate - dividendYield) * years);
        return new SurfacePoint(TermOf(days), Math.Log(strike / forward) / (vix / 100 * Math.Sqrt(years)));
    }

    public static double TermOf(int days) => Math.Log(days / ReferenceDays);

    public static double Years(int days) => days / DaysPerYear;
}
