using System.Globalization;

namespace OptionsAutomation.Core.Trading;

/// <summary>Money as people read it in alerts and chat messages; one place so every message agrees.</summary>
public static class MoneyText
{
    /// <summary>Signed dollars: +$75.00, -$314.00, $0.00.</summary>
    public static string Signed(decimal amount) => amount.ToString("+$#,##0.00;-$#,##0.00;$0.00", CultureInfo.InvariantCulture);

    /// <summary>Unsigned dollars: $1,250.00.</summary>
    public static string Dollars(decimal amount) => amount.ToString("$#,##0.00;-$#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>A per-share price with at least two decimals: 0.75, 578.50, 0.0125.</summary>
    public static string Price(decimal price) => price.ToString("0.00##", CultureInfo.InvariantCulture);
}
