namespace OptionsAutomation.Core.Backtest;

/// <summary>
/// The synthetic chain's volatility surface and spread model (see <see cref="SyntheticChainModel"/>):
/// ln(σ / (VIX/100)) = <see cref="Level"/> + <see cref="TermSlope"/>·ln(τ / 30 days) + <see cref="Skew"/>·x + <see cref="Smile"/>·x²,
/// with x = ln(K/F)/(VIX/100·√τ) (log-moneyness against the forward in VIX-implied standard deviations, see
/// <see cref="SurfacePoint"/>) held inside
/// [<see cref="MinMoneyness"/>, <see cref="MaxMoneyness"/>] and τ inside [<see cref="MinDays"/>, <see cref="MaxDays"/>]:
/// the ranges the fit saw, beyond which the surface is flat rather than extrapolated. The quoted spread is
/// <see cref="SpreadBase"/> + <see cref="SpreadPerDollar"/>·value, at least a tick. <see cref="DividendYield"/> is the
/// continuous yield the pricer takes.
/// </summary>
public sealed record ChainModelParameters(
    double Level,
    double TermSlope,
    double Skew,
    double Smile,
    double MinMoneyness,
    double MaxMoneyness,
    int MinDays,
    int MaxDays,
    double DividendYield,
    double SpreadBase,
    double SpreadPerDollar)
{
    /// <summary>
    /// Fitted to the real SPY 2021 chain (data/market/chains/spy_2021: 5,040 quotes, 5,017 with a usable bid, ask and implied volatility) with VIX and DTB3 from data/market by
    /// <c>ChainModelFit</c>, rounded to 4 decimals; reproduce with
    /// <c>dotnet test tests/OptionsAutomation.Integration.Tests -c Release --filter "FullyQualifiedName~ChainModelFitTests" --logger "console;verbosity=detailed"</c>,
    /// which fails if these drift from the fit. The error table is in docs/backtest.md.
    /// </summary>
    public static ChainModelParameters Spy2021 { get; } = new(
        Level: -0.2627,
        TermSlope: 0.1208,
        Skew: -0.3494,
        Smile: 0.0308,
        MinMoneyness: -1.7502,
        MaxMoneyness: 1.5173,
        MinDays: 20,
        MaxDays: 120,
        DividendYield: 0.0134,
        SpreadBase: -0.011,
        SpreadPerDollar: 0.0085);
}
