using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using OptionsAutomation.Core.Instruments;

namespace OptionsAutomation.Infrastructure.Brokers.TradeStation;

/// <summary>
/// TradeStation's option symbols: <c>ROOT YYMMDD{C|P}STRIKE</c>, one space, the strike without trailing zeros
/// (<c>SPY 250407P510</c>, <c>INTC 250411P20.5</c>). The root is the OCC root, as in <see cref="OptionContract.Underlying"/>.
/// </summary>
public static partial class TradeStationSymbols
{
    public static string ToTradeStation(OptionContract contract) => string.Create(CultureInfo.InvariantCulture,
        $"{contract.Underlying.Replace(".", "", StringComparison.Ordinal)} {contract.Expiration:yyMMdd}{(contract.Right == OptionRight.Put ? 'P' : 'C')}{TradeStationJson.Number(contract.Strike)}");

    public static bool TryParse(string? symbol, [NotNullWhen(true)] out OptionContract? contract)
    {
        contract = null;
        var match = Pattern().Match(symbol?.Trim() ?? "");
        if (!match.Success
            || !DateOnly.TryParseExact(match.Groups["date"].ValueSpan, "yyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expiration)
            || !decimal.TryParse(match.Groups["strike"].ValueSpan, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var strike)
            || strike == 0m)
        {
            return false;
        }

        contract = new OptionContract(match.Groups["root"].Value, expiration, match.Groups["right"].Value == "P" ? OptionRight.Put : OptionRight.Call, strike);
        return true;
    }

    [GeneratedRegex(@"^(?<root>[A-Z0-9]{1,6})\s+(?<date>[0-9]{6})(?<right>[CP])(?<strike>[0-9]+(\.[0-9]+)?)$")]
    private static partial Regex Pattern();
}
