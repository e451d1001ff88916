using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OptionsAutomation.Core.Orders;

using static Microsoft.AspNetCore.Http.StatusCodes;

namespace OptionsAutomation.Web.Api;

/// <summary><c>GET /api/orders</c>: the recorded orders newest first, with history and fills, as <c>orders list --json</c>.</summary>
internal static class OrderEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/orders", ListAsync)
            .WithSummary($"Orders, newest first (at most {OrderFilter.Limit}), with state history and fills (position_id, request_id, open=true for working orders only)")
            .Problems(Status400BadRequest);

    private static async Task<Ok<IReadOnlyList<OrderRecord>>> ListAsync(
        IOrderRecords orders,
        [FromQuery(Name = "position_id")] long? positionId,
        [FromQuery(Name = "request_id")] string? requestId,
        bool? open,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await orders.ListAsync(new OrderFilter(positionId, requestId, open ?? false), cancellationToken).ConfigureAwait(false));
}
