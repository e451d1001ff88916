using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OptionsAutomation.Core.TradeJournal;
using OptionsAutomation.Infrastructure.Postgres;

using static Microsoft.AspNetCore.Http.StatusCodes;

namespace OptionsAutomation.Web.Api;

/// <summary>
/// <c>/api/journal</c>: <c>journal list|show --json</c>, and writing and editing notes (mutations need the API token;
/// an edit keeps every earlier version).
/// </summary>
internal static class JournalEndpoints
{
    public static void Map(RouteGroupBuilder api, RouteGroupBuilder mutations)
    {
        api.MapGet("/journal", ListAsync).WithSummary("Journal entries, newest first (position, search: words of any version, limit 1-500, default 50)")
            .Problems(Status400BadRequest);
        api.MapGet("/journal/{id:long}", ShowAsync).WithSummary("One journal entry with every version of its note").Problems(Status404NotFound);
        mutations.MapPost("/journal", AddAsync).WithSummary("Write a note: {\"target\": position id or request id, \"text\": …, \"sentiment\": optional tag}")
            .Problems(Status400BadRequest);
        mutations.MapPost("/journal/{id:long}", EditAsync).WithSummary("Edit a note: {\"text\": …, \"sentiment\": optional tag}; the earlier text is kept")
            .Problems(Status400BadRequest);
    }

    private static async Task<Ok<IReadOnlyList<JournalEntry>>> ListAsync(
        PostgresJournalNotes journal, long? position, string? search, int? limit, CancellationToken cancellationToken) =>
        TypedResults.Ok(await journal.ListAsync(position, search, ApiInput.Limit(limit), cancellationToken).ConfigureAwait(false));

    private static async Task<Results<Ok<JournalEntry>, NotFound>> ShowAsync(PostgresJournalNotes journal, long id, CancellationToken cancellationToken) =>
        await journal.FindAsync(id, cancellationToken).ConfigureAwait(false) is { } entry ? TypedResults.Ok(entry) : TypedResults.NotFound();

    // The body is optional to the binder so that a missing one is refused by us, in the API's own words, after the
    // value filter has checked the query; ASP.NET's own refusal of a missing body names no field.
    private static async Task<Ok<JournalEntry>> AddAsync(PostgresJournalNotes journal, TimeProvider clock, NoteRequest? body, CancellationToken cancellationToken) =>
        TypedResults.Ok(await journal.AddAsync(
            body?.Target ?? throw new JournalException("target is required: a position id or a proposal's request id."),
            JournalNote.Of(body.Text ?? "", body.Sentiment), PositionEndpoints.Actor, body.Source == "dashboard" ? "dashboard" : "api",
            clock.GetUtcNow(), cancellationToken).ConfigureAwait(false));

    private static async Task<Ok<JournalEntry>> EditAsync(PostgresJournalNotes journal, TimeProvider clock, long id, NoteRequest? body, CancellationToken cancellationToken) =>
        TypedResults.Ok(await journal.EditAsync(id, JournalNote.Of(body?.Text ?? "", body?.Sentiment), PositionEndpoints.Actor, clock.GetUtcNow(), cancellationToken)
            .ConfigureAwait(false));

    /// <summary>A note as the API takes it; <c>source</c> "dashboard" marks notes written from the page.</summary>
    internal sealed record NoteRequest(string? Target, string? Text, string? Sentiment, string? Source);
}
