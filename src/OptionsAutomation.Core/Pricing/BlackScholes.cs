using System.Runtime.CompilerServices;
using OptionsAutomation.Core.Instruments;

namespace OptionsAutomation.Core.Pricing;

/// <summary>
/// Black–Scholes–Merton value and Greeks of a European option on an underlying with continuous dividend yield q,
/// under a continuously compounded rate r, with T in years (ACT/365). Units are those of <see cref="OptionValuation"/>.
/// </summary>
/// <remarks>
/// With ω = +1 for a call and −1 for a put, F = S·e^((r−q)T), d₁,₂ = (ln(F/K) ± σ²T/2)/(σ√T):
/// V = ω·(S·e^(−qT)·Φ(ωd₁) − K·e^(−rT)·Φ(ωd₂)).
/// <para>
/// When σ√T = 0 (at expiry, or with no volatility) nothing is random and the option is worth its discounted forward
/// intrinsic value max(ω·(S·e^(−qT) − K·e^(−rT)), 0), which at T = 0 is the plain intrinsic value. The Greeks are then
/// the limits as σ → 0: delta is ω·e^(−qT) in the money, 0 out of it and ω·e^(−qT)/2 exactly at the forward; gamma is 0
/// (at the forward its limit is unbounded, and an infinity would poison every sum it enters); vega is 0 except exactly
/// at the forward, where it is its limit S·e^(−qT)·√T·φ(0); theta and rho are those of the deterministic payoff, i.e.
/// the carry of an in-the-money forward.
/// </para>
/// </remarks>
public static class BlackScholes
{
    /// <summary>Theta is quoted per calendar day (multiplied rather than divided: a division costs several multiplications).</summary>
    private const double PerDay = 1.0 / 365;

    /// <summary>Vega and rho are quoted per point: a change of 0.01 in σ or r.</summary>
    private const double PerPoint = 0.01;

    /// <summary>Well above the subnormals (2.2e-308), where a Gaussian factor still has its full relative precision.</summary>
    private const double SmallestPreciseGaussian = 1e-290;

    /// <remarks>
    /// Written for the hot loops (marks, the synthetic chain, risk revaluation): no allocation and three transcendental
    /// calls where the textbook form makes seven — one logarithm for ln(S/K), one √T, one e^(−d₁²/2). The discount factors
    /// are remembered per thread for the last expiry (<see cref="DiscountFactorMemo"/>), and the Gaussian factor at d₂
    /// follows from the one at d₁ by the identity S·e^(−qT)·φ(d₁) = K·e^(−rT)·φ(d₂) (d₁² − d₂² = 2·ln(F/K)), a product
    /// instead of an exponential. All Greeks come from those shared intermediates. Φ is Cody's erfc, which takes the
    /// Gaussian factor as an argument (<see cref="NormalDistribution"/>), so it adds rational functions, no exponential.
    /// </remarks>
    public static OptionValuation Value(OptionRight right, double spot, double strike, double years, double rate, double dividendYield, double volatility)
    {
        var expiry = PricingInputs.Expiry(spot, strike, years, rate, dividendYield);
        PricingInputs.RequireNonNegative(volatility, nameof(volatility));
        var omega = Omega(right);
        var (discountedSpot, discountedStrike) = (spot * expiry.SpotDiscount, strike * expiry.StrikeDiscount);
        var totalVolatility = volatility * expiry.SqrtYears;
        if (totalVolatility == 0)
        {
            return Deterministic(omega, discountedSpot, discountedStrike, expiry.SpotDiscount, years, rate, dividendYield);
        }

        // d₁ and d₂ each from h ± s/2 (not d₂ = d₁ − s) so an enormous s gives ±∞ rather than ∞ − ∞.
        var spotOverStrike = spot / strike;
        var inverseTotalVolatility = 1 / totalVolatility;
        var h = (Math.Log(spotOverStrike) + expiry.Carry) * inverseTotalVolatility;
        var d1 = h + (totalVolatility / 2);
        var d2 = h - (totalVolatility / 2);
        var gaussian1 = NormalDistribution.ExpMinusHalfSquare(d1);
        var gaussian2 = GaussianAtD2(gaussian1, spotOverStrike * expiry.ForwardFactor, d2);
        var spotWeight = NormalDistribution.Cdf(omega * d1, gaussian1);
        var strikeWeight = NormalDistribution.Cdf(omega * d2, gaussian2);
        var discountedSpotDensity = discountedSpot * NormalDistribution.PdfOf(gaussian1);

        var price = omega * ((discountedSpot * spotWeight) - (discountedStrike * strikeWeight));
        var delta = omega * expiry.SpotDiscount * spotWeight;
        var gamma = discountedSpotDensity * inverseTotalVolatility / (spot * spot);
        var vega = discountedSpotDensity * expiry.SqrtYears;
        // −S·e^(−qT)·φ(d₁)·σ/(2√T), written with 1/(σ√T), which is at hand, instead of another division.
        var diffusionDecay = -discountedSpotDensity * volatility * volatility * inverseTotalVolatility / 2;
        var theta = diffusionDecay + (omega * ((dividendYield * discountedSpot * spotWeight) - (rate * discountedStrike * strikeWeight)));
        var rho = omega * years * discountedStrike * strikeWeight;
        return InQuotedUnits(price, delta, gamma, vega, theta, rho);
    }

    /// <summary>
    /// e^(−d₂²/2) = e^(−d₁²/2)·F/K. Where e^(−d₁²/2) is below the normal doubles (|d₁| &gt; 37, where it has lost its
    /// relative precision) or the product is no Gaussian factor (above 1: F/K overflowed, or rounding at d₂ = 0), it is
    /// computed from d₂ itself.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double GaussianAtD2(double gaussian1, double forwardOverStrike, double d2)
    {
        var gaussian2 = gaussian1 * forwardOverStrike;
        return gaussian1 >= SmallestPreciseGaussian && gaussian2 <= 1 ? gaussian2 : NormalDistribution.ExpMinusHalfSquare(d2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Omega(OptionRight right) => right switch
    {
        OptionRight.Call => 1,
        OptionRight.Put => -1,
        _ => throw UnknownRight(right),
    };

    private static ArgumentOutOfRangeException UnknownRight(OptionRight right) => new(nameof(right), right, "unknown option right.");

    /// <summary>σ√T = 0: the payoff is known today; see the class remarks for the limits used.</summary>
    private static OptionValuation Deterministic(double omega, double discountedSpot, double discountedStrike, double spotDiscount, double years, double rate, double dividendYield)
    {
        var moneyness = omega * (discountedSpot - discountedStrike);
        // Φ(ωd₁) and Φ(ωd₂) both tend to this step as σ → 0.
        double weight = moneyness > 0 ? 1 : moneyness < 0 ? 0 : 0.5;
        var atTheForward = moneyness == 0;

        var price = Math.Max(moneyness, 0);
        var delta = omega * spotDiscount * weight;
        var vega = atTheForward ? discountedSpot * Math.Sqrt(years) * NormalDistribution.Pdf(0) : 0;
        var theta = omega * weight * ((dividendYield * discountedSpot) - (rate * discountedStrike));
        var rho = omega * weight * years * discountedStrike;
        return InQuotedUnits(price, delta, 0, vega, theta, rho);
    }

    /// <summary>Per-unit vega and rho and per-year theta converted to per vol point, per 1% and per calendar day.</summary>
    private static OptionValuation InQuotedUnits(double price, double delta, double gamma, double vega, double theta, double rho) =>
        new(price, delta, gamma, vega * PerPoint, theta * PerDay, rho * PerPoint);
}
