using System.Diagnostics.CodeAnalysis;
using OptionsAutomation.Core.Instruments;

namespace OptionsAutomation.Core.Pricing;

/// <summary>The Black–Scholes–Merton volatility that reproduces a premium (same conventions as <see cref="BlackScholes"/>).</summary>
public static class ImpliedVolatility
{
    /// <summary>
    /// Returns σ ≥ 0 with <c>BlackScholes.Value(right, spot, strike, years, rate, dividendYield, σ).Price</c> equal to
    /// <paramref name="premium"/> to within 1e-14 of the out-of-the-money premium of the pair or a few ulps of S·e^(−qT)
    /// and K·e^(−rT), whichever is larger: far inside 1e-10 for any premium strictly inside the no-arbitrage bounds
    /// (for an underlying priced below about 10,000).
    /// </summary>
    /// <exception cref="ImpliedVolatilityException">The premium is at or outside <see cref="PremiumBounds"/>; the message gives the bounds.</exception>
    /// <exception cref="PricingInputException">An input is not finite or out of its domain, or <paramref name="years"/> is 0 (at expiry the price no longer depends on σ).</exception>
    public static double Solve(OptionRight right, double premium, double spot, double strike, double years, double rate, double dividendYield) =>
        TrySolve(right, premium, spot, strike, years, rate, dividendYield, out var volatility, out var refusal)
            ? volatility
            : throw new ImpliedVolatilityException(right, premium, refusal!);

    /// <summary>
    /// <see cref="Solve"/> for the hot paths (marks, the chain-model fit), where a premium outside the no-arbitrage bounds is an
    /// ordinary market quote rather than an error: returns false with the bounds it is outside, in
    /// <paramref name="refusedBounds"/>, instead of throwing. Same volatility as <see cref="Solve"/> otherwise, and no
    /// allocation when it succeeds.
    /// </summary>
    /// <exception cref="PricingInputException">As <see cref="Solve"/>: an input is not finite or out of its domain, or
    /// <paramref name="years"/> is 0. Those are the caller's mistakes, not the market's, and still throw.</exception>
    public static bool TrySolve(
        OptionRight right, double premium, double spot, double strike, double years, double rate, double dividendYield,
        out double volatility, [NotNullWhen(false)] out PremiumBounds? refusedBounds)
    {
        var expiry = PricingInputs.Expiry(spot, strike, years, rate, dividendYield);
        var discounted = (Spot: spot * expiry.SpotDiscount, Strike: strike * expiry.StrikeDiscount);
        PricingInputs.RequireFinite(premium, nameof(premium));
        if (years == 0)
        {
            throw new PricingInputException(nameof(years), years, "years must be above 0 to imply a volatility: at expiry the price no longer depends on it.");
        }

        // The bounds as numbers first: the record is built only for a refusal, so a solve allocates nothing.
        var (lower, upper) = PremiumBounds.Limits(right, discounted);
        if (!(premium > lower && premium < upper))
        {
            (volatility, refusedBounds) = (double.NaN, new PremiumBounds(lower, upper));
            return false;
        }

        // Solve on the out-of-the-money option of the pair: by put-call parity its premium is this premium less the lower
        // bound, pure time value. Working on it avoids subtracting a large intrinsic value from a deep in-the-money price.
        var timeValue = premium - lower;
        var scale = Math.Sqrt(discounted.Spot) * Math.Sqrt(discounted.Strike);
        var x = -Math.Abs(Math.Log(discounted.Spot / discounted.Strike));
        // Rounding in the normalisation can land a premium that is below its upper bound on the normalised bound e^(x/2).
        var expHalfX = Math.Exp(x / 2);
        var beta = Math.Min(timeValue / scale, Math.BitDecrement(expHalfX));
        (volatility, refusedBounds) = (TotalVolatilitySolver.Solve(x, expHalfX, beta) / expiry.SqrtYears, null);
        return true;
    }
}
