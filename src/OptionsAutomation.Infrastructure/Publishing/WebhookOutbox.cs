using Dapper;
using Npgsql;

namespace OptionsAutomation.Infrastructure.Publishing;

/// <summary>
/// The outbox's <c>webhook</c> channel: a post is queued as a row (its dedup key is the idempotency key the receiver
/// gets, its payload the event's JSON, its picture in <c>photo</c>) and delivered by <see cref="WebhookDelivery"/>,
/// so a receiver that is down gets it later, once per key.
/// </summary>
public static class WebhookOutbox
{
    public const string Channel = "webhook";

    public static async Task EnqueueAsync(NpgsqlDataSource dataSource, string key, string eventJson, byte[] card, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO outbox (dedup_key, channel, payload, photo, created_at, available_at)
            VALUES (@key, @Channel, CAST(@eventJson AS jsonb), @card, @Now, @Now)
            ON CONFLICT (dedup_key) DO NOTHING
            """,
            new { key, Channel, eventJson, card, Now = now.ToUniversalTime() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
