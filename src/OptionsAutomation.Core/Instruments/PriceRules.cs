namespace OptionsAutomation.Core.Instruments;

/// <summary>
/// Shared input checks for prices and amounts. Option prices carry at most 4 decimals and dollar
/// amounts at most 2, so every derived P&amp;L is exact in cents and nothing is silently rounded.
/// </summary>
public static class PriceRules
{
    public const int PriceDecimals = 4;
    public const int AmountDecimals = 2;

    /// <summary>
    /// A broker's average price (it may carry more decimals: 3 fills at 1.23, 1.23, 1.24 average 1.2333…) rounded half
    /// away from zero to the 4 decimals a price carries here; the fills themselves are stored as the broker reported them.
    /// </summary>
    public static decimal BrokerPrice(decimal price) => decimal.Round(price, PriceDecimals, MidpointRounding.AwayFromZero);

    /// <summary>A broker's commission in dollars (some report fractions of a cent), rounded to the cent.</summary>
    public static decimal BrokerAmount(decimal amount) => decimal.Round(amount, AmountDecimals, MidpointRounding.AwayFromZero);

    /// <summary>OCC symbols carry the strike in thousandths.</summary>
    public const int StrikeDecimals = 3;

    public static void RequireStrike(List<string> errors, string name, decimal strike)
    {
        if (strike <= 0m)
        {
            errors.Add($"{name} must be above 0, was {strike}.");
        }
        else
        {
            RequireScale(errors, name, strike, StrikeDecimals);
        }
    }

    public static void RequirePositive(List<string> errors, string name, decimal price)
    {
        if (price <= 0m)
        {
            errors.Add($"{name} must be above 0, was {price}.");
        }
        else
        {
            RequireScale(errors, name, price, PriceDecimals);
        }
    }

    public static void RequireNonNegative(List<string> errors, string name, decimal value, int decimals)
    {
        if (value < 0m)
        {
            errors.Add($"{name} must not be negative, was {value}.");
        }
        else
        {
            RequireScale(errors, name, value, decimals);
        }
    }

    private static void RequireScale(List<string> errors, string name, decimal value, int decimals)
    {
        if (decimal.Round(value, decimals) != value)
        {
            errors.Add($"{name} {value} has more than {decimals} decimals.");
        }
    }
}
