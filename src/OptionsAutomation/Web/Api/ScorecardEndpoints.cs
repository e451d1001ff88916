using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OptionsAutomation.Cli;
using OptionsAutomation.Core.Trading;

using static Microsoft.AspNetCore.Http.StatusCodes;

namespace OptionsAutomation.Web.Api;

/// <summary>
/// The daily scorecard of a session (default the last one whose close has passed) as <c>optauto scorecard --json</c> gives it, and its card
/// as a PNG; 404 for a day without one (not a session, or before its close).
/// </summary>
internal static class ScorecardEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/scorecard", JsonAsync).WithSummary("Daily scorecard of a New York session (date, default the last session whose close has passed)")
            .Problems(Status400BadRequest, Status404NotFound);
        api.MapGet("/scorecard.png", PngAsync).WithSummary("The daily scorecard's card as a PNG image").Produces(Status200OK, contentType: "image/png")
            .Problems(Status400BadRequest, Status404NotFound);
    }

    private static async Task<Results<Ok<ScorecardJson>, ProblemHttpResult>> JsonAsync(
        ScorecardService scorecards, string? date, CancellationToken cancellationToken) =>
        await ReadAsync(scorecards, date, cancellationToken).ConfigureAwait(false) is { } scorecard
            ? TypedResults.Ok(ScorecardJson.Of(scorecard))
            : NoScorecard();

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PngAsync(
        ScorecardService scorecards, IScorecardCard card, string? date, CancellationToken cancellationToken) =>
        await ReadAsync(scorecards, date, cancellationToken).ConfigureAwait(false) is { } scorecard
            ? TypedResults.File(card.Png(scorecard), "image/png")
            : NoScorecard();

    private static Task<DailyScorecard?> ReadAsync(ScorecardService scorecards, string? date, CancellationToken cancellationToken) =>
        scorecards.ReadAsync(ApiInput.Date(date, "date") ?? scorecards.LatestDate(), cancellationToken);

    private static ProblemHttpResult NoScorecard() => TypedResults.Problem(
        statusCode: Status404NotFound, title: "No scorecard", detail: "The date is not a NYSE session, or its close has not come yet.");
}
