using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OptionsAutomation.Core.Reconciliation;

namespace OptionsAutomation.Web.Api;

/// <summary>
/// <c>GET /api/broker/reconcile</c>: the broker's positions against ours, as <c>broker reconcile --json</c> reports them,
/// but read-only — no alert, no trading-state change, no run recorded (that is the job's and the CLI's).
/// </summary>
internal static class BrokerEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/broker/reconcile", CompareAsync)
            .WithSummary("Compare the broker's option positions with ours (from our fills); read-only");

    private static async Task<Ok<ReconciliationReport>> CompareAsync(BrokerReconciliationService reconciliation, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reconciliation.CompareAsync(cancellationToken).ConfigureAwait(false));
}
