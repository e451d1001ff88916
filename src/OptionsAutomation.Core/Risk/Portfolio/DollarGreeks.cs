namespace OptionsAutomation.Core.Risk.Portfolio;

/// <summary>
/// Greeks in dollars, signed from the holder's side (a short put is long delta):
/// <list type="bullet">
/// <item><see cref="Delta"/>: Δ·S·units — the dollar position in the underlying that moves like it (P&amp;L of a
/// +1% move ≈ Delta/100).</item>
/// <item><see cref="Gamma"/>: Γ·S²/100·units — the change of <see cref="Delta"/> for a +1% move of the underlying
/// (the "1% dollar gamma"); the P&amp;L from gamma of a 1% move is half of it ÷ 100.</item>
/// <item><see cref="Theta"/>: dollars per calendar day that passes.</item>
/// <item><see cref="Vega"/>: dollars per volatility point (σ + 0.01).</item>
/// </list>
/// Doubles from the model; reports round them to cents.
/// </summary>
public sealed record DollarGreeks(double Delta, double Gamma, double Theta, double Vega)
{
    public static DollarGreeks Zero { get; } = new(0, 0, 0, 0);

    public DollarGreeks Plus(DollarGreeks other) =>
        new(Delta + other.Delta, Gamma + other.Gamma, Theta + other.Theta, Vega + other.Vega);
}
