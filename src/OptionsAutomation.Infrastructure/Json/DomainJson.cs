using System.Text.Json;
using System.Text.Json.Serialization;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Instruments;

namespace OptionsAutomation.Infrastructure.Json;

/// <summary>
/// The one JSON shape of domain values, used for jsonb columns and for the CLI's <c>--json</c>:
/// snake_case keys (equal to column names) and enums as their domain codes.
/// </summary>
public static class DomainJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            // Output goes to terminals, files and jsonb, never into HTML: keep "+", "'" and "—" readable.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = indented,
            Converters = { new DomainCodeConverterFactory(), new OptionLegConverter(), new ValueListConverterFactory() },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>A <see cref="ValueList{T}"/> as a JSON array, both ways (it has no Add for the default reader).</summary>
    private sealed class ValueListConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) =>
            typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(ValueList<>);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(ValueListConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
    }

    private sealed class ValueListConverter<T> : JsonConverter<ValueList<T>>
    {
        public override ValueList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(JsonSerializer.Deserialize<T[]>(ref reader, options) ?? []);

        public override void Write(Utf8JsonWriter writer, ValueList<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.ToArray(), options);
    }

    /// <summary>Writes and reads every enum that has domain codes as its code string.</summary>
    private sealed class DomainCodeConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => DomainCodes.CodedTypes.Contains(typeToConvert);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(CodeConverter<>).MakeGenericType(typeToConvert))!;
    }

    private sealed class CodeConverter<T> : JsonConverter<T> where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DomainCodes.Parse<T>(reader.GetString() ?? "");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToCode());
    }

    /// <summary>
    /// A leg as stored in <c>positions.legs</c>: flat, with the OCC symbol so the row can be read
    /// without this code: <c>{"symbol":"SPY   260320P00580000","underlying":"SPY","expiration":"2026-03-20","right":"put","strike":580,"side":"short","ratio":1}</c>.
    /// </summary>
    private sealed class OptionLegConverter : JsonConverter<OptionLeg>
    {
        public override OptionLeg Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var leg = JsonSerializer.Deserialize<LegJson>(ref reader, options)
                ?? throw new JsonException("a leg must be an object.");
            return new OptionLeg(new OptionContract(leg.Underlying, leg.Expiration, leg.Right, leg.Strike), leg.Side, leg.Ratio);
        }

        public override void Write(Utf8JsonWriter writer, OptionLeg value, JsonSerializerOptions options)
        {
            var c = value.Contract;
            JsonSerializer.Serialize(writer, new LegJson(c.OccSymbol, c.Underlying, c.Expiration, c.Right, c.Strike, value.Side, value.Ratio), options);
        }

        private sealed record LegJson(string Symbol, string Underlying, DateOnly Expiration, OptionRight Right, decimal Strike, LegSide Side, int Ratio);
    }
}
