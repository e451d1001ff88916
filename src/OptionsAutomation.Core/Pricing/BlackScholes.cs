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
    /// <summary>Vega and rho are quoted per point: a change of 0.01 in σ or r.</summary>
    private const double PerPoint = 100;

    /// <remarks>
    /// Written for the hot loops (marks, the synthetic chain, risk revaluation): no allocation, and each exponential
    /// computed once — the two discount factors, one e^(−d²/2) per d shared by φ and Φ, √T once — in the same
    /// arithmetic as the textbook form, so the values are bit for bit those it gives.
    /// </remarks>
    public static OptionValuation Value(OptionRight right, double spot, double strike, double years, double rate, double dividendYield, double volatility)
    {
        var (spotDiscount, strikeDiscount) = PricingInputs.DiscountFactors(spot, strike, years, rate, dividendYield);
        var (discountedSpot, discountedStrike) = (spot * spotDiscount, strike * strikeDiscount);
        PricingInputs.RequireNonNegative(volatility, nameof(volatility));
        var omega = Omega(right);
        var sqrtYears = Math.Sqrt(years);
        var totalVolatility = volatility * sqrtYears;
        if (totalVolatility == 0)
        {
            return Deterministic(omega, discountedSpot, discountedStrike, spotDiscount, years, rate, dividendYield);
        }

        // d₁ and d₂ each from h ± s/2 (not d₂ = d₁ − s) so an enormous s gives ±∞ rather than ∞ − ∞.
        var h = (Math.Log(spot / strike) + ((rate - dividendYield) * years)) / totalVolatility;
        var d1 = h + (totalVolatility / 2);
        var d2 = h - (totalVolatility / 2);
        var gaussian1 = NormalDistribution.ExpMinusHalfSquare(d1);
        var spotWeight = NormalDistribution.Cdf(omega * d1, gaussian1);
        var strikeWeight = NormalDistribution.Cdf(omega * d2);
        var discountedSpotDensity = discountedSpot * NormalDistribution.PdfOf(gaussian1);

        var price = omega * ((discountedSpot * spotWeight) - (discountedStrike * strikeWeight));
        var delta = omega * spotDiscount * spotWeight;
        var gamma = discountedSpotDensity / (spot * spot * totalVolatility);
        var vega = discountedSpotDensity * sqrtYears;
        var diffusionDecay = -discountedSpotDensity * volatility / (2 * sqrtYears);
        var theta = diffusionDecay + (omega * ((dividendYield * discountedSpot * spotWeight) - (rate * discountedStrike * strikeWeight)));
        var rho = omega * years * discountedStrike * strikeWeight;
        return InQuotedUnits(price, delta, gamma, vega, theta, rho);
    }

    private static double Omega(OptionRight right) => right switch
    {
        OptionRight.Call => 1,
        OptionRight.Put => -1,
        _ => throw new ArgumentOutOfRangeException(nameof(right), right, "unknown option right."),
    };

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
        new(price, delta, gamma, vega / PerPoint, theta / DaysPerYear, rho / PerPoint);
}
