using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OptionsAutomation.Infrastructure.Brokers.TradeStation;

/// <summary>
/// The API's JSON: PascalCase property names (the .NET web default would send camelCase), numbers sent as strings,
/// read from strings or numbers (invariant culture: System.Text.Json never uses the current one), enums by name in any
/// case (<c>PUT</c>/<c>Put</c>, <c>STOCKOPTION</c>/<c>StockOption</c>).
/// </summary>
public static class TradeStationJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = null,
        PropertyNameCaseInsensitive = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false) },
    };

    /// <summary>A decimal as the API writes it: invariant, no exponent, no trailing zeros beyond what it needs.</summary>
    public static string Number(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads a number the API sent as a string (or, for some stream fields, as a number); null when absent or empty.</summary>
    public static decimal? ParseDecimal(string? text) =>
        decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value) ? value : null;
}
