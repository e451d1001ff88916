using OptionsAutomation.Core.Orders;
using OptionsAutomation.Infrastructure.Json;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>The <c>orders.legs</c> jsonb: each leg's OCC symbol, side and ratio.</summary>
internal static class OrderLegsJson
{
    public static string Serialize(IEnumerable<OrderLeg> legs) =>
        DomainJson.Serialize(legs.Select(l => new { symbol = l.Contract.OccSymbol, side = l.Side, ratio = l.Ratio }));
}
