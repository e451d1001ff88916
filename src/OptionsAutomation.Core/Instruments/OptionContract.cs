using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace OptionsAutomation.Core.Instruments;

/// <summary>A listed equity option, identified by its OCC symbol.</summary>
public sealed partial record OptionContract(string Underlying, DateOnly Expiration, OptionRight Right, decimal Strike)
{
    /// <summary>
    /// OCC symbology: root (share-class dot dropped, BRK.B → BRKB) padded to 6, yyMMdd, C/P,
    /// strike × 1000 as 8 digits, e.g. <c>SPY   260320P00580000</c>.
    /// </summary>
    public string OccSymbol =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Underlying.Replace(".", "", StringComparison.Ordinal),-6}{Expiration:yyMMdd}{(Right == OptionRight.Put ? 'P' : 'C')}{decimal.ToInt64(Strike * 1000m):D8}");

    /// <summary>
    /// Reads an OCC symbol with the root padded to six characters or not (<c>SPY   260320P00580000</c> and
    /// <c>SPY260320P00580000</c> are one contract); false for anything else, including a date that does not
    /// exist or a zero strike. The contract's <see cref="Underlying"/> is the OCC root.
    /// </summary>
    public static bool TryParseOcc(string? symbol, [NotNullWhen(true)] out OptionContract? contract)
    {
        contract = null;
        var match = OccPattern().Match(symbol ?? "");
        if (!match.Success)
        {
            return false;
        }

        var root = match.Groups["root"].Value;
        var padding = match.Groups["padding"].Length;
        if (padding > 0 && root.Length + padding != 6)
        {
            return false;
        }

        if (!DateOnly.TryParseExact(match.Groups["date"].ValueSpan, "yyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expiration))
        {
            return false;
        }

        var strike = long.Parse(match.Groups["strike"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture) / 1000m;
        if (strike == 0m)
        {
            return false;
        }

        contract = new OptionContract(root, expiration, match.Groups["right"].Value == "P" ? OptionRight.Put : OptionRight.Call, strike);
        return true;
    }

    [GeneratedRegex(@"^(?<root>[A-Z0-9]{1,6})(?<padding> *)(?<date>[0-9]{6})(?<right>[CP])(?<strike>[0-9]{8})$")]
    private static partial Regex OccPattern();
}
