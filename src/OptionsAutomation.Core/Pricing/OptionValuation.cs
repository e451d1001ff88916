namespace OptionsAutomation.Core.Pricing;

/// <summary>
/// The value and Greeks of one European option, per share (one unit of the underlying), in the units traders quote
/// (design.md, "Greeks and pricing units"):
/// <list type="bullet">
/// <item><see cref="Price"/>: premium per share, in the currency of spot and strike.</item>
/// <item><see cref="Delta"/>: ∂V/∂S, per 1 of the underlying's price (a call's delta is in [0, 1]).</item>
/// <item><see cref="Gamma"/>: ∂²V/∂S², change of delta per 1 of the underlying's price.</item>
/// <item><see cref="Vega"/>: change of value per vol point, i.e. for σ + 0.01 (∂V/∂σ ÷ 100).</item>
/// <item><see cref="Theta"/>: change of value per calendar day that passes (−∂V/∂T ÷ 365); negative when time decays the option.</item>
/// <item><see cref="Rho"/>: change of value per 1% of the rate, i.e. for r + 0.01 (∂V/∂r ÷ 100).</item>
/// </list>
/// Doubles, not decimals: this is a model output computed with exp, log and the normal distribution, not money
/// that is booked; convert to decimal (and round to the quote's tick) where a price leaves the model.
/// A value type: the risk job and the synthetic chain value options in tight loops, where a heap object per call
/// was the only allocation left.
/// </summary>
public readonly record struct OptionValuation(double Price, double Delta, double Gamma, double Vega, double Theta, double Rho);
