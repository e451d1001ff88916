using OptionsAutomation.Core.Instruments;

namespace OptionsAutomation.Core.Pricing;

/// <summary>
/// A premium no volatility explains: at or outside the option's no-arbitrage <see cref="PremiumBounds"/>. At the lower
/// bound any σ small enough fits and at the upper bound only σ = ∞, so those are refused as well.
/// </summary>
public sealed class ImpliedVolatilityException(OptionRight right, double premium, PremiumBounds bounds)
    : PricingInputException("premium", premium, Describe(right, premium, bounds))
{
    public PremiumBounds Bounds { get; } = bounds;

    private static string Describe(OptionRight right, double premium, PremiumBounds bounds)
    {
        var (lowerName, upperName) = right == OptionRight.Call
            ? ("max(0, S·e^(−qT) − K·e^(−rT))", "S·e^(−qT)")
            : ("max(0, K·e^(−rT) − S·e^(−qT))", "K·e^(−rT)");
        return $"premium {PricingInputs.Format(premium)} is not strictly inside the no-arbitrage bounds of this {right.ToCode()}, so no volatility gives it: " +
            $"it must be above {PricingInputs.Format(bounds.Lower)} (the discounted intrinsic value {lowerName}) " +
            $"and below {PricingInputs.Format(bounds.Upper)} ({upperName}).";
    }
}
