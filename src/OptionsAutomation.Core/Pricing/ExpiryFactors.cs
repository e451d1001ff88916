using System.Runtime.CompilerServices;

namespace OptionsAutomation.Core.Pricing;

/// <summary>
/// What every option of one expiry shares under one rate and dividend yield: the discount factors e^(−qT) and e^(−rT),
/// √T, the carry (r − q)·T and the forward factor e^((r−q)T) = F/S. Chains, marks and risk value many options of one
/// expiry in a row, and these are most of the transcendental work of a pricing, so <see cref="Of"/> remembers the last
/// expiry's per thread: no lock, no allocation, and a different (T, r, q) simply recomputes.
/// </summary>
internal readonly record struct ExpiryFactors(
    double Years, double Rate, double DividendYield, double SpotDiscount, double StrikeDiscount, double SqrtYears, double Carry, double ForwardFactor)
{
    [ThreadStatic]
    private static ExpiryFactors t_last;

    /// <summary>Called with validated inputs; a discount factor outside the double range throws and is not remembered.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ExpiryFactors Of(double years, double rate, double dividendYield)
    {
        var last = t_last;
        // Remembered factors are above 0, so the all-zero value a thread starts with never matches.
        return last.SpotDiscount > 0 && last.Years == years && last.Rate == rate && last.DividendYield == dividendYield
            ? last
            : Compute(years, rate, dividendYield);
    }

    private static ExpiryFactors Compute(double years, double rate, double dividendYield)
    {
        var spotDiscount = PricingInputs.DiscountFactor(dividendYield, years, nameof(dividendYield));
        var strikeDiscount = PricingInputs.DiscountFactor(rate, years, nameof(rate));
        var carry = (rate - dividendYield) * years;
        var factors = new ExpiryFactors(years, rate, dividendYield, spotDiscount, strikeDiscount, Math.Sqrt(years), carry, spotDiscount / strikeDiscount);
        t_last = factors;
        return factors;
    }
}
