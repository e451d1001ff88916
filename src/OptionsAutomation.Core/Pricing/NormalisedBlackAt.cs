namespace OptionsAutomation.Core.Pricing;

/// <summary>b(x, s), ∂b/∂s and the rounding error of b, from one evaluation (<see cref="NormalisedBlack.At"/>).</summary>
internal readonly record struct NormalisedBlackAt(double Price, double Vega, double RoundingError);
