namespace OptionsAutomation.Core.Instruments;

/// <summary>
/// Shared input checks for prices and amounts. Option prices carry at most 4 decimals and dollar
/// amounts at most 2, so every derived P&amp;L is exact in cents and nothing is silently rounded.
/// </summary>
public static class PriceRules
{
    public const int PriceDecimals = 4;
    public const int AmountDecimals = 2;

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
