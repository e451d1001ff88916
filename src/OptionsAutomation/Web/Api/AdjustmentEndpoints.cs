using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Trading.Adjustments;

using static Microsoft.AspNetCore.Http.StatusCodes;

namespace OptionsAutomation.Web.Api;

/// <summary>
/// <c>/api/adjustments</c>: <c>adjustments list --json</c>, and approve/reject through <see cref="AdjustmentApprovals"/>
/// under the proposal endpoints' rules (mutations need the API token; a repeat answers what the first call did).
/// </summary>
internal static class AdjustmentEndpoints
{
    public static void Map(RouteGroupBuilder api, RouteGroupBuilder mutations)
    {
        api.MapGet("/adjustments", ListAsync).WithSummary("Adjustment recommendations, newest first (status, limit 1-500, default 50)").Problems(Status400BadRequest);
        mutations.MapPost("/adjustments/{id:long}/approve", ApproveAsync).WithSummary("Approve: roll, close or reduce now as recommended")
            .Problems(Status400BadRequest, Status404NotFound, Status409Conflict);
        mutations.MapPost("/adjustments/{id:long}/reject", RejectAsync).WithSummary("Reject, with an optional {\"reason\":\"…\"} (at most 500 characters)")
            .Problems(Status400BadRequest, Status404NotFound, Status409Conflict);
    }

    private static async Task<Ok<IReadOnlyList<Adjustment>>> ListAsync(IAdjustmentStore adjustments, string? status, int? limit, CancellationToken cancellationToken) =>
        TypedResults.Ok(await adjustments.ListAsync(ApiInput.Code<AdjustmentStatus>(status, "status"), ApiInput.Limit(limit), cancellationToken).ConfigureAwait(false));

    private static async Task<Results<Ok<AdjustmentOutcome>, ProblemHttpResult>> ApproveAsync(AdjustmentApprovals approvals, long id, CancellationToken cancellationToken) =>
        Answer(await approvals.ApproveAsync(id, PositionEndpoints.Actor, cancellationToken).ConfigureAwait(false), AdjustmentStatus.Executed, "Adjustment not executed");

    private static async Task<Results<Ok<AdjustmentOutcome>, ProblemHttpResult>> RejectAsync(
        AdjustmentApprovals approvals, long id, RejectRequest? body, CancellationToken cancellationToken) =>
        Answer(await approvals.DeclineAsync(id, PositionEndpoints.Actor, AdjustmentStatus.Rejected, ApiInput.Reason(body?.Reason), cancellationToken).ConfigureAwait(false),
            AdjustmentStatus.Rejected, "Adjustment not rejected");

    /// <summary>200 when the recommendation is where the caller wanted it (also on a repeat); otherwise 409 with the outcome.</summary>
    private static Results<Ok<AdjustmentOutcome>, ProblemHttpResult> Answer(AdjustmentOutcome outcome, AdjustmentStatus wanted, string title) =>
        outcome.Adjustment.Status == wanted
            ? TypedResults.Ok(outcome)
            : TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: title,
                detail: outcome.Message,
                extensions: new Dictionary<string, object?>
                {
                    ["adjustment_id"] = outcome.Adjustment.Id,
                    ["adjustment_status"] = outcome.Adjustment.Status.ToCode(),
                    ["position_id"] = outcome.Adjustment.PositionId,
                });
}
