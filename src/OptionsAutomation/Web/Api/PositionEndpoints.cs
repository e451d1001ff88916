using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OptionsAutomation.Cli;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Postgres;

using static Microsoft.AspNetCore.Http.StatusCodes;

namespace OptionsAutomation.Web.Api;

/// <summary>
/// <c>/api/positions</c>: the rows of <c>positions list|show --json</c> (one position with its fills), a manual close
/// through the exit path (a closing order at the broker; only its fill closes the position, as for the exit rules), and
/// the emergency reduction of <c>positions close-all --confirm</c>.
/// </summary>
internal static class PositionEndpoints
{
    public const string Actor = "api";

    public static void Map(RouteGroupBuilder api, RouteGroupBuilder mutations)
    {
        api.MapGet("/positions", ListAsync).WithSummary("Positions (status open|closed|all, default open; ticker)").Problems(Status400BadRequest);
        api.MapGet("/positions/{id}", ShowAsync).WithSummary("One position by id or by the request id it was opened with, and its fills").Problems(Status400BadRequest, Status404NotFound);
        mutations.MapPost("/positions/{id:long}/close", CloseAsync).WithSummary("Close an open position now through a closing order (reason manual)")
            .Problems(Status400BadRequest, Status404NotFound, Status409Conflict);
        mutations.MapPost("/positions/close-all", CloseAllAsync)
            .WithSummary("Emergency reduction: trading to REDUCING, then close every matching open option position; {\"ticker\":\"SPY\",\"strategy\":\"CSP\"} or the same in the query, both optional")
            .Problems(Status400BadRequest, Status409Conflict);
    }

    private static async Task<Ok<IReadOnlyList<Position>>> ListAsync(PositionManager positions, string? status, string? ticker, CancellationToken cancellationToken)
    {
        var filter = status?.ToLowerInvariant() switch
        {
            null or "open" => PositionStatusFilter.Open,
            "closed" => PositionStatusFilter.Closed,
            "all" => PositionStatusFilter.All,
            _ => throw new ApiInputException($"status '{status}' is not one of open, closed, all."),
        };
        return TypedResults.Ok(await positions.ListAsync(filter, ticker, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<Ok<JsonObject>> ShowAsync(PositionDetailReader details, string id, CancellationToken cancellationToken) =>
        TypedResults.Ok(PositionDetailJson.Of(await details.ReadAsync(id, cancellationToken).ConfigureAwait(false)));

    /// <param name="contracts">How many to close (<c>?contracts=N</c>); absent: all of it.</param>
    private static async Task<Results<Ok<Position>, ProblemHttpResult>> CloseAsync(ExitService exits, long id, int? contracts, CancellationToken cancellationToken)
    {
        var check = await exits.CloseManuallyAsync(id, Actor, contracts, ExitReason.Manual, walk: true, cancellationToken).ConfigureAwait(false);
        if (check.Closed is { } closed)
        {
            return TypedResults.Ok(closed.Position);
        }

        // The order was refused or not filled: the position stays OPEN, and the alert is already queued.
        return TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "Position not closed",
            detail: $"position {id} stays OPEN; closing order: {check.OrderError}",
            extensions: new Dictionary<string, object?> { ["position_id"] = id, ["order_error"] = check.OrderError });
    }

    /// <summary>200 with every position's outcome, whatever they are (a partial result is still the answer); 409 while HALTED.</summary>
    private static async Task<Ok<ReductionResult>> CloseAllAsync(
        EmergencyReduction reduction, string? ticker, string? strategy, CloseAllRequest? body, CancellationToken cancellationToken)
    {
        // The body's values win over the query's.
        var scope = ReductionScope.Of(ApiInput.Text(body?.Ticker ?? ticker, "ticker"), ApiInput.Code<StrategyType>(body?.Strategy ?? strategy, "strategy"));
        return TypedResults.Ok(await reduction.RunAsync(scope, Actor, cancellationToken).ConfigureAwait(false));
    }
}

/// <summary>Optional body of <c>POST /api/positions/close-all</c>.</summary>
internal sealed record CloseAllRequest(string? Ticker, string? Strategy);
