namespace OptionsAutomation.Core.Analytics;

/// <summary>
/// P&amp;L in dollars split by Greek: what delta, gamma, theta and vega explain, and the <see cref="Residual"/>, which is
/// the actual change minus the explained sum, so <see cref="Actual"/> = <see cref="Explained"/> + residual to the cent.
/// </summary>
public sealed record GreekPnl(decimal Delta, decimal Gamma, decimal Theta, decimal Vega, decimal Residual)
{
    public static GreekPnl Zero { get; } = new(0m, 0m, 0m, 0m, 0m);

    public decimal Explained => Delta + Gamma + Theta + Vega;

    public decimal Actual => Explained + Residual;

    public GreekPnl Plus(GreekPnl other) =>
        new(Delta + other.Delta, Gamma + other.Gamma, Theta + other.Theta, Vega + other.Vega, Residual + other.Residual);
}
