namespace OptionsAutomation.Core.Risk.Portfolio;

/// <summary>
/// Drawdown of an equity curve from its running peak, as negative fractions (−0.05 = 5% below the peak, the
/// sign the performance statistics use): <see cref="Current"/> at the last point, <see cref="Maximum"/> the
/// deepest anywhere.
/// </summary>
public sealed record Drawdown(decimal Current, decimal Maximum)
{
    public static Drawdown Of(IReadOnlyList<decimal> equity)
    {
        decimal peak = 0m, current = 0m, maximum = 0m;
        foreach (var value in equity)
        {
            peak = Math.Max(peak, value);
            current = peak > 0m ? Math.Round((value - peak) / peak, 6, MidpointRounding.AwayFromZero) : 0m;
            maximum = Math.Min(maximum, current);
        }

        return new Drawdown(current, maximum);
    }
}
