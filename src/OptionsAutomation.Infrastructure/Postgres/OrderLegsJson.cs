using System.Text.Json;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Infrastructure.Json;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>The <c>legs</c> jsonb of order tables: each leg's OCC symbol, side and ratio.</summary>
internal static class OrderLegsJson
{
    public static string Serialize(IEnumerable<OrderLeg> legs) =>
        DomainJson.Serialize(legs.Select(l => new { symbol = l.Contract.OccSymbol, side = l.Side, ratio = l.Ratio }));

    /// <summary>Reads what <see cref="Serialize"/> wrote; <paramref name="table"/> names the source in errors.</summary>
    public static IReadOnlyList<OrderLeg> Parse(string json, string table)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(l => Leg(l.GetProperty("symbol").GetString(), l.GetProperty("side").GetString(), l.GetProperty("ratio").GetInt32(), table))];
    }

    public static OrderLeg Leg(string? symbol, string? side, int ratio, string table) =>
        OptionContract.TryParseOcc(symbol, out var contract)
            ? new OrderLeg(contract, DomainCodes.Parse<OrderSide>(side ?? ""), ratio)
            : throw new InvalidOperationException($"{table} holds an unreadable option symbol '{symbol}'.");
}

/// <summary>A stored leg fill (<c>paper_fills</c>, <c>broker_order_fills</c>: same columns).</summary>
internal sealed class LegFillRow
{
    public const string Columns = "fill_id, symbol, side, ratio, contracts, price, fee";

    public string FillId { get; set; } = "";
    public string Symbol { get; set; } = "";
    public string Side { get; set; } = "";
    public int Ratio { get; set; }
    public int Contracts { get; set; }
    public decimal Price { get; set; }
    public decimal Fee { get; set; }

    public LegFill ToLegFill(string table) => new(FillId, OrderLegsJson.Leg(Symbol, Side, Ratio, table), Contracts, Price, Fee);
}
