using System.Data;
using Dapper;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Json;

namespace OptionsAutomation.Infrastructure.Outbox;

/// <summary>
/// Queues alerts in the outbox inside the caller's transaction: the message exists exactly when the
/// change it reports was committed. A repeated dedup key is ignored.
/// </summary>
public static class OutboxWriter
{
    public const string AlertChannel = "alert";

    public static Task EnqueueAsync(IDbTransaction transaction, Alert alert, DateTimeOffset now) =>
        transaction.Connection!.ExecuteAsync(
            """
            INSERT INTO outbox (dedup_key, channel, payload, photo, created_at, available_at)
            VALUES (@DedupKey, @Channel, CAST(@Payload AS jsonb), @Photo, @Now, @Now)
            ON CONFLICT (dedup_key) DO NOTHING
            """,
            new
            {
                alert.DedupKey,
                Channel = AlertChannel,
                Payload = Payload(alert),
                alert.Photo,
                Now = now.ToUniversalTime(),
            },
            transaction);

    /// <summary>The alert as the outbox stores it (jsonb); its photo goes in the <c>photo</c> column, not in the JSON.</summary>
    public static string Payload(Alert alert) =>
        DomainJson.Serialize(new { alert.Kind, alert.Text, alert.PositionId, alert.RequestId, alert.AdjustmentId });
}
