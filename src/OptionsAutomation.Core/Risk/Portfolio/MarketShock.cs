namespace OptionsAutomation.Core.Risk.Portfolio;

/// <summary>
/// A change of the market to revalue a portfolio under: each underlying's spot multiplied by its
/// <see cref="SpotFactor"/> (1 when not listed), every implied volatility by <see cref="VolatilityFactor"/>,
/// and <see cref="DaysForward"/> calendar days of time passed.
/// </summary>
public sealed record MarketShock(Func<string, double> SpotFactor, double VolatilityFactor = 1, double DaysForward = 0)
{
    public static MarketShock Uniform(double spotFactor, double volatilityFactor = 1, double daysForward = 0) =>
        new(_ => spotFactor, volatilityFactor, daysForward);
}
