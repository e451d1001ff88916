using System.Globalization;

namespace OptionsAutomation.Core.Instruments;

/// <summary>A listed equity option, identified by its OCC symbol.</summary>
public sealed record OptionContract(string Underlying, DateOnly Expiration, OptionRight Right, decimal Strike)
{
    /// <summary>
    /// OCC symbology: root (share-class dot dropped, BRK.B → BRKB) padded to 6, yyMMdd, C/P,
    /// strike × 1000 as 8 digits, e.g. <c>SPY   260320P00580000</c>.
    /// </summary>
    public string OccSymbol =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Underlying.Replace(".", "", StringComparison.Ordinal),-6}{Expiration:yyMMdd}{(Right == OptionRight.Put ? 'P' : 'C')}{decimal.ToInt64(Strike * 1000m):D8}");
}
