namespace OptionsAutomation.Core.Risk.Portfolio;

/// <summary>
/// One limit measured now: <see cref="Value"/> against <see cref="Limit"/> in the same unit (<see cref="Unit"/>),
/// <see cref="Utilization"/> = value ÷ limit, and the state that puts it in. A limit with a missing input
/// (no history for VaR) is not read at all rather than read as OK.
/// </summary>
public sealed record LimitReading(string Name, decimal Value, decimal Limit, string Unit, decimal Utilization, LimitState State, string? Detail = null)
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
}
