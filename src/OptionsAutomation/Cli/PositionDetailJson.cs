using System.Text.Json;
using System.Text.Json.Nodes;
using OptionsAutomation.Infrastructure.Json;

namespace OptionsAutomation.Cli;

/// <summary>
/// The JSON of one <see cref="PositionDetail"/> (<c>positions show --json</c>, <c>GET /api/positions/{id}</c>): the
/// position's own keys, as <c>positions list</c> prints them, <c>rolled_from_position_id</c> and
/// <c>rolled_to_position_id</c> (null outside a roll chain), <c>fills</c>, every fill booked to it, oldest first,
/// <c>price_steps</c>, every re-price of its orders' price walks, oldest first, and <c>journal</c>, the trade
/// journal's entries on it and on its proposal, newest first.
/// </summary>
internal static class PositionDetailJson
{
    public static JsonObject Of(PositionDetail detail)
    {
        var json = JsonSerializer.SerializeToNode(detail.Position, DomainJson.Options)!.AsObject();
        json["rolled_from_position_id"] = detail.Rolls.RolledFromPositionId;
        json["rolled_to_position_id"] = detail.Rolls.RolledToPositionId;
        json["fills"] = JsonSerializer.SerializeToNode(detail.Fills, DomainJson.Options);
        json["price_steps"] = JsonSerializer.SerializeToNode(detail.PriceSteps, DomainJson.Options);
        json["journal"] = JsonSerializer.SerializeToNode(detail.Journal, DomainJson.Options);
        return json;
    }
}
