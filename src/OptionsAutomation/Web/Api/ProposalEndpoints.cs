using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Trading;

using static Microsoft.AspNetCore.Http.StatusCodes;

namespace OptionsAutomation.Web.Api;

/// <summary>
/// <c>/api/proposals</c>: <c>proposals list|show --json</c>, and approve/reject through <see cref="ApprovalService"/>,
/// which decides each proposal once (a repeat answers what the first call did).
/// </summary>
internal static class ProposalEndpoints
{
    public static void Map(RouteGroupBuilder api, RouteGroupBuilder mutations)
    {
        api.MapGet("/proposals", ListAsync).WithSummary("Proposals, newest first (status, limit 1-500, default 50)").Problems(Status400BadRequest);
        api.MapGet("/proposals/{id}", ShowAsync).WithSummary("One proposal by request id").Problems(Status400BadRequest, Status404NotFound);
        mutations.MapPost("/proposals/{id}/approve", ApproveAsync).WithSummary("Approve: re-check the risk gate, send the order, open the position on the fill")
            .Problems(Status400BadRequest, Status404NotFound, Status409Conflict);
        mutations.MapPost("/proposals/{id}/reject", RejectAsync).WithSummary("Reject, with an optional {\"reason\":\"…\"} (at most 500 characters)")
            .Problems(Status400BadRequest, Status404NotFound, Status409Conflict);
    }

    private static async Task<Ok<IReadOnlyList<TradeProposal>>> ListAsync(
        IProposalStore proposals, ProposalExpiry expiry, TimeProvider clock, string? status, int? limit, CancellationToken cancellationToken)
    {
        var filter = ApiInput.Code<ProposalStatus>(status, "status");
        var max = ApiInput.Limit(limit);
        // As `proposals list`: a proposal past its window reads EXPIRED even between two runs of the expiry job.
        await expiry.ExpireDueAsync(clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(await proposals.ListAsync(filter, max, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<Ok<TradeProposal>> ShowAsync(IProposalStore proposals, string id, CancellationToken cancellationToken) =>
        TypedResults.Ok(await proposals.FindAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new ProposalNotFoundException(id));

    private static async Task<Results<Ok<ApprovalOutcome>, ProblemHttpResult>> ApproveAsync(ApprovalService approvals, string id, CancellationToken cancellationToken) =>
        Answer(await approvals.ApproveAsync(id, PositionEndpoints.Actor, cancellationToken).ConfigureAwait(false), ProposalStatus.Executed, "Proposal not executed");

    private static async Task<Results<Ok<ApprovalOutcome>, ProblemHttpResult>> RejectAsync(
        ApprovalService approvals, string id, RejectRequest? body, CancellationToken cancellationToken) =>
        Answer(await approvals.RejectAsync(id, PositionEndpoints.Actor, ApiInput.Reason(body?.Reason), cancellationToken).ConfigureAwait(false), ProposalStatus.Rejected, "Proposal not rejected");

    /// <summary>
    /// 200 when the proposal is where the caller wanted it (also on a repeat); otherwise 409 with the outcome: it was
    /// decided otherwise before, the gate refused it, the market is closed, or the broker's answer is unknown.
    /// </summary>
    private static Results<Ok<ApprovalOutcome>, ProblemHttpResult> Answer(ApprovalOutcome outcome, ProposalStatus wanted, string title) =>
        outcome.Status == wanted
            ? TypedResults.Ok(outcome)
            : TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: title,
                detail: outcome.Message,
                extensions: new Dictionary<string, object?>
                {
                    ["request_id"] = outcome.RequestId,
                    ["proposal_status"] = outcome.Status.ToCode(),
                    ["position_id"] = outcome.PositionId,
                });
}

/// <summary>Optional body of <c>POST /api/proposals/{id}/reject</c>.</summary>
internal sealed record RejectRequest(string? Reason);
