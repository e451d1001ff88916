using System.Text.RegularExpressions;

namespace OptionsAutomation.Core.Instruments;

/// <summary>Stock tickers as this system accepts them: 1-6 capital letters, or up to 5 with a share class (SPY, BRK.B).</summary>
public static partial class Ticker
{
    public static bool IsValid(string ticker) => Pattern().IsMatch(ticker);

    [GeneratedRegex(@"^(?:[A-Z]{1,6}|[A-Z]{1,5}\.[A-Z])$")]
    private static partial Regex Pattern();
}
