using OptionsAutomation.Core.Instruments;

namespace OptionsAutomation.Core.Pricing;

/// <summary>
/// The no-arbitrage range of a European option's premium: at least the discounted forward intrinsic value
/// (call: max(0, S·e^(−qT) − K·e^(−rT)), put: max(0, K·e^(−rT) − S·e^(−qT))), which is its price at σ = 0, and at most
/// what it can pay (call: S·e^(−qT), put: K·e^(−rT)), its price as σ → ∞. Black–Scholes prices every premium strictly
/// between the two with exactly one volatility.
/// </summary>
public sealed record PremiumBounds(double Lower, double Upper)
{
    public static PremiumBounds For(OptionRight right, double spot, double strike, double years, double rate, double dividendYield)
    {
        var (lower, upper) = Limits(right, PricingInputs.Discounted(spot, strike, years, rate, dividendYield));
        return new(lower, upper);
    }

    /// <summary>
    /// The bounds from the discounted spot S·e^(−qT) and discounted strike K·e^(−rT), as two numbers: the
    /// implied-volatility hot path builds the record only to refuse.
    /// </summary>
    internal static (double Lower, double Upper) Limits(OptionRight right, (double Spot, double Strike) discounted) => right switch
    {
        OptionRight.Call => (Math.Max(0, discounted.Spot - discounted.Strike), discounted.Spot),
        OptionRight.Put => (Math.Max(0, discounted.Strike - discounted.Spot), discounted.Strike),
        _ => throw new ArgumentOutOfRangeException(nameof(right), right, "unknown option right."),
    };

    public bool StrictlyContains(double premium) => premium > Lower && premium < Upper;
}
