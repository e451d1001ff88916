namespace OptionsAutomation.Core.Backtest;

/// <summary>
/// Where an option sits on the volatility surface: <see cref="LogTerm"/> = ln(τ / 30 days) and
/// <see cref="Moneyness"/> = ln(K/F)/√τ, τ in years (ACT/365) and F the forward S·e^((r−q)τ).
/// </summary>
public sealed record SurfacePoint(double LogTerm, double Moneyness)
{
    private const double DaysPerYear = 365;
    private const double ReferenceDays = 30;

    public static SurfacePoint Of(double spot, double strike, int days, double rate, double dividendYield)
    {
        var years = Years(days);
        var forward = spot * Math.Exp((rate - dividendYield) * years);
        return new SurfacePoint(TermOf(days), Math.Log(strike / forward) / Math.Sqrt(years));
    }

    public static double TermOf(int days) => Math.Log(days / ReferenceDays);

    public static double Years(int days) => days / DaysPerYear;
}
