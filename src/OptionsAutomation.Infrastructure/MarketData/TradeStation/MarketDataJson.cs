using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OptionsAutomation.Infrastructure.MarketData.TradeStation;

// The market-data answers as the API sends them: PascalCase, prices as strings (read leniently: a string, a number, or
// empty for "none"), sizes and open interest of stream objects as integers. Only the fields the adapter maps are declared.

/// <summary><c>GET /marketdata/quotes/{symbols}</c>: the quotes, and the symbols it could not quote inside the 200.</summary>
internal sealed record QuotesAnswer(IReadOnlyList<QuoteJson>? Quotes, IReadOnlyList<SymbolErrorJson>? Errors);

internal sealed record QuoteJson(
    string Symbol,
    [property: JsonConverter(typeof(LenientDecimal))] decimal? Last,
    [property: JsonConverter(typeof(LenientDecimal))] decimal? Bid,
    [property: JsonConverter(typeof(LenientDecimal))] decimal? Ask,
    string? TradeTime,
    [property: JsonConverter(typeof(LenientDecimal))] decimal? DailyOpenInterest);

internal sealed record SymbolErrorJson(string? Symbol, string? Error);

/// <summary><c>GET /marketdata/barcharts/{symbol}</c>.</summary>
internal sealed record BarsAnswer(IReadOnlyList<BarJson>? Bars);

internal sealed record BarJson([property: JsonConverter(typeof(LenientDecimal))] decimal? Close, DateTimeOffset TimeStamp);

/// <summary><c>GET /marketdata/options/expirations/{underlying}</c>; each date comes as <c>…T00:00:00Z</c>.</summary>
internal sealed record ExpirationsAnswer(IReadOnlyList<ExpirationJson>? Expirations);

internal sealed record ExpirationJson(string Date, string? Type);

/// <summary>One spread object of the option chain stream (a single option per object with <c>spreadType=Single</c>).</summary>
internal sealed record SpreadJson(
    [property: JsonConverter(typeof(LenientDecimal))] decimal? Bid,
    [property: JsonConverter(typeof(LenientDecimal))] decimal? Ask,
    [property: JsonConverter(typeof(LenientDecimal))] decimal? Last,
    [property: JsonConverter(typeof(LenientDecimal))] decimal? Delta,
    [property: JsonConverter(typeof(LenientDecimal))] decimal? ImpliedVolatility,
    [property: JsonConverter(typeof(LenientDecimal))] decimal? DailyOpenInterest,
    IReadOnlyList<SpreadLegJson>? Legs);

internal sealed record SpreadLegJson(string? Symbol);

/// <summary>A decimal sent as a string (<c>"92.73"</c>), a number, or <c>""</c>/null for none.</summary>
internal sealed class LenientDecimal : JsonConverter<decimal?>
{
    public override decimal? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number => reader.GetDecimal(),
        JsonTokenType.String => decimal.TryParse(reader.GetString(), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value)
            ? value
            : null,
        JsonTokenType.Null => null,
        _ => throw new JsonException($"expected a number or a string, found {reader.TokenType}"),
    };

    public override void Write(Utf8JsonWriter writer, decimal? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } number)
        {
            writer.WriteStringValue(number.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
