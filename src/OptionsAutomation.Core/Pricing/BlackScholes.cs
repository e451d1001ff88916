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
    private const double DaysPerYear = 365;
    private const double PerPoint = 100;

    public static OptionValuation Value(OptionRight right, double spot, double strike, double years, double rate, double dividendYield, double volatility)
    {
        var discounted = PricingInputs.Discounted(spot, strike, years, rate, dividendYield);
        PricingInputs.RequireNonNegative(volatility, nameof(volatility));
        var omega = Omega(right);
        var totalVolatility = volatility * Math.Sqrt(years);
        if (!(totalVolatility > 0))
        {
            return Deterministic(omega, discounted.Spot, discounted.Strike, years, rate, dividendYield);
        }

        // d₁ and d₂ each from h ± s/2 (not d₂ = d₁ − s) so an enormous s gives ±∞ rather than ∞ − ∞.
        var h = (Math.Log(spot / strike) + ((rate - dividendYield) * years)) / totalVolatility;
        var d1 = h + (totalVolatility / 2);
        var d2 = h - (totalVolatility / 2);
        var spotWeight = NormalDistribution.Cdf(omega * d1);
        var strikeWeight = NormalDistribution.Cdf(omega * d2);
        var discountedSpotDensity = discounted.Spot * NormalDistribution.Pdf(d1);

        var price = omega * ((discounted.Spot * spotWeight) - (discounted.Strike * strikeWeight));
        var delta = omega * Math.Exp(-dividendYield * years) * spotWeight;
        var gamma = discountedSpotDensity / (spot * spot * totalVolatility);
        var vega = discountedSpotDensity * Math.Sqrt(years);
        var diffusionDecay = -discountedSpotDensity * volatility / (2 * Math.Sqrt(years));
        var theta = diffusionDecay + (omega * ((dividendYield * discounted.Spot * spotWeight) - (rate * discounted.Strike * strikeWeight)));
        var rho = omega * years * discounted.Strike * strikeWeight;
        return InQuotedUnits(price, delta, gamma, vega, theta, rho);
    }

    internal static double Omega(OptionRight right) => right switch
    {
        OptionRight.Call => 1,
        OptionRight.Put => -1,
        _ => throw new ArgumentOutOfRangeException(nameof(right), right, "unknown option right."),
    };

    /// <summary>σ√T = 0: the payoff is known today; see the class remarks for the limits used.</summary>
    private static OptionValuation Deterministic(double omega, double discountedSpot, double discountedStrike, double years, double rate, double dividendYield)
    {
        var moneyness = omega * (discountedSpot - discountedStrike);
        // Φ(ωd₁) and Φ(ωd₂) both tend to this step as σ → 0.
        double weight = moneyness > 0 ? 1 : moneyness < 0 ? 0 : 0.5;
        var atTheForward = moneyness == 0;

        var price = Math.Max(moneyness, 0);
        var delta = omega * Math.Exp(-dividendYield * years) * weight;
        var vega = atTheForward ? discountedSpot * Math.Sqrt(years) * NormalDistribution.Pdf(0) : 0;
        var theta = omega * weight * ((dividendYield * discountedSpot) - (rate * discountedStrike));
        var rho = omega * weight * years * discountedStrike;
        return InQuotedUnits(price, delta, 0, vega, theta, rho);
    }

    /// <summary>Per-unit vega and rho and per-year theta converted to per vol point, per 1% and per calendar day.</summary>
    private static OptionValuation InQuotedUnits(double price, double delta, double gamma, double vega, double theta, double rho) =>
        new(price, delta, gamma, vega / PerPoint, theta / DaysPerYear, rho / PerPoint);
}
