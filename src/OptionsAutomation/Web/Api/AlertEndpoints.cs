using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OptionsAutomation.Infrastructure.Outbox;

using static Microsoft.AspNetCore.Http.StatusCodes;

namespace OptionsAutomation.Web.Api;

/// <summary><c>GET /api/alerts</c>: the outbox newest first, as <c>alerts list --json</c>.</summary>
internal static class AlertEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/alerts", ListAsync).WithSummary("Alerts (outbox), newest first (pending=true for undelivered only; limit 1-500, default 50)")
            .Problems(Status400BadRequest);

    private static async Task<Ok<IReadOnlyList<OutboxMessage>>> ListAsync(OutboxReader outbox, bool? pending, int? limit, CancellationToken cancellationToken) =>
        TypedResults.Ok(await outbox.ListAsync(pending ?? false, ApiInput.Limit(limit), cancellationToken).ConfigureAwait(false));
}
