using System.Globalization;

namespace OptionsAutomation.Core.Pricing;

/// <summary>Checks shared by the pricing entry points; each failure names the parameter and its value.</summary>
internal static class PricingInputs
{
    /// <summary>
    /// Validates the market inputs and returns the discounted spot S·e^(−qT) and discounted strike K·e^(−rT),
    /// the two quantities every formula here is written in.
    /// </summary>
    public static (double Spot, double Strike) Discounted(double spot, double strike, double years, double rate, double dividendYield)
    {
        var expiry = Expiry(spot, strike, years, rate, dividendYield);
        return (spot * expiry.SpotDiscount, strike * expiry.StrikeDiscount);
    }

    /// <summary>Validates the market inputs and returns what every option of this expiry shares (<see cref="ExpiryFactors"/>).</summary>
    public static ExpiryFactors Expiry(double spot, double strike, double years, double rate, double dividendYield)
    {
        RequirePositive(spot, nameof(spot));
        RequirePositive(strike, nameof(strike));
        RequireNonNegative(years, nameof(years));
        RequireFinite(rate, nameof(rate));
        RequireFinite(dividendYield, nameof(dividendYield));
        return ExpiryFactors.Of(years, rate, dividendYield);
    }

    public static void RequireNonNegative(double value, string name)
    {
        if (!(value >= 0 && double.IsFinite(value)))
        {
            throw new PricingInputException(name, value, $"{name} must be a finite number at least 0, was {Format(value)}.");
        }
    }

    public static void RequirePositive(double value, string name)
    {
        if (!(value > 0 && double.IsFinite(value)))
        {
            throw new PricingInputException(name, value, $"{name} must be a finite number above 0, was {Format(value)}.");
        }
    }

    public static void RequireFinite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new PricingInputException(name, value, $"{name} must be a finite number, was {Format(value)}.");
        }
    }

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>e^(−rate·years); a rate so extreme that the factor overflows or vanishes has no meaningful price.</summary>
    public static double DiscountFactor(double rate, double years, string name)
    {
        var factor = Math.Exp(-rate * years);
        if (!(factor > 0 && double.IsFinite(factor)))
        {
            throw new PricingInputException(name, rate, $"{name} {Format(rate)} over {Format(years)} years gives a discount factor outside the double range.");
        }

        return factor;
    }
}
