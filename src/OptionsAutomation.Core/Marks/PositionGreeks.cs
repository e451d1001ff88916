namespace OptionsAutomation.Core.Marks;

/// <summary>
/// A position's Greeks in share-equivalent units, signed from the holder's side: delta and gamma per $1
/// move of the underlying, theta in dollars per calendar day, vega in dollars per volatility point.
/// </summary>
public sealed record PositionGreeks(decimal Delta, decimal Gamma, decimal Theta, decimal Vega);
