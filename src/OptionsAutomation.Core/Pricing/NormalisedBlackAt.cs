namespace OptionsAutomation.Core.Pricing;

/// <summary>b(x, s), ∂b/∂s, the rounding error of b and e^(x/2) − b, from one evaluation (<see cref="NormalisedBlack.At"/>).</summary>
internal readonly record struct NormalisedBlackAt(double Price, double Vega, double RoundingError, double Gap);
