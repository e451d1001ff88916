namespace OptionsAutomation.Core.Risk.Portfolio;

/// <summary>
/// One limit measured now: <see cref="Value"/> against <see cref="Limit"/> in the same unit (<see cref="Unit"/>),
/// <see cref="Utilization"/> = value ÷ limit, and the state that puts it in. A limit with a missing input
/// (no history for VaR) is not read at all rather than read as OK. An <see cref="Informational"/> reading is a signal
/// (a volatility spike, a correlation change): it alerts through the same crossings but never moves the trading state.
/// </summary>
public sealed record LimitReading(
    string Name, decimal Value, decimal Limit, string Unit, decimal Utilization, LimitState State, string? Detail = null, bool Informational = false)
{
    /// <summary>WARN from <paramref name="warnAtPercent"/> of the limit, BREACH from 100%; exact decimal comparisons.</summary>
    public static LimitReading Of(string name, decimal value, decimal limit, string unit, double warnAtPercent, string? detail = null)
    {
        var utilization = limit == 0m ? 0m : Math.Round(value / limit, 6, MidpointRounding.AwayFromZero);
        var state = value >= limit ? LimitState.Breach
            : value * 100m >= limit * (decimal)warnAtPercent ? LimitState.Warn
            : LimitState.Ok;
        return new LimitReading(name, value, limit, unit, utilization, state, detail);
    }

    /// <summary>
    /// A signal: WARN at or above <paramref name="threshold"/>, else OK. Never BREACH, because a breach is what
    /// <see cref="PortfolioRiskSettings.BreachAction"/> acts on and a signal informs rather than restricts.
    /// </summary>
    public static LimitReading Signal(string name, decimal value, decimal threshold, string unit, string detail)
    {
        var utilization = threshold == 0m ? 0m : Math.Round(value / threshold, 6, MidpointRounding.AwayFromZero);
        return new LimitReading(name, value, threshold, unit, utilization, value >= threshold ? LimitState.Warn : LimitState.Ok, detail, Informational: true);
    }
}
