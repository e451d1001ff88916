namespace OptionsAutomation.Core.Pricing;

/// <summary>b(x, s), ∂b/∂s and the rounding error of b, from one evaluation (<see cref="NormalisedBlack.At"/>), with e^(−d₁²/2) for <see cref="NormalisedBlack.Complement"/>.</summary>
internal readonly record struct NormalisedBlackAt(double Price, double Vega, double RoundingError, double Gaussian);
