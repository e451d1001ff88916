using System.Text.Json;
using System.Text.Json.Nodes;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.TradeJournal;
using OptionsAutomation.Infrastructure.Json;

namespace OptionsAutomation.Cli;

/// <summary>
/// The JSON of one position with its fills (<c>positions show --json</c>, <c>GET /api/positions/{id}</c>): the
/// position's own keys, as <c>positions list</c> prints them, <c>fills</c>, every fill booked to it, oldest first, and
/// <c>price_steps</c>, every re-price of its orders' price walks, oldest first, and <c>journal</c>, the trade journal's
/// entries on it and on its proposal, newest first.
/// </summary>
internal static class PositionDetailJson
{
    public static JsonObject Of(Position position, IReadOnlyList<OrderFillRecord> fills, IReadOnlyList<OrderReprice> steps, IReadOnlyList<JournalEntry> journal)
    {
        var json = JsonSerializer.SerializeToNode(position, DomainJson.Options)!.AsObject();
        json["fills"] = JsonSerializer.SerializeToNode(fills, DomainJson.Options);
        json["price_steps"] = JsonSerializer.SerializeToNode(steps, DomainJson.Options);
        json["journal"] = JsonSerializer.SerializeToNode(journal, DomainJson.Options);
        return json;
    }
}
