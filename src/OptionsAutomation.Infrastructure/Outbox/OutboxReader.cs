using Dapper;
using Npgsql;
using OptionsAutomation.Infrastructure.Postgres;

namespace OptionsAutomation.Infrastructure.Outbox;

/// <summary>Reads the outbox, newest first. Pending = still to be delivered: neither delivered nor settled otherwise.</summary>
public sealed class OutboxReader(NpgsqlDataSource dataSource)
{
    static OutboxReader() => DapperConventions.Apply();

    public async Task<IReadOnlyList<OutboxMessage>> ListAsync(bool pendingOnly, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT message_id, dedup_key, channel, payload->>'kind' AS kind, payload->>'text' AS text,
                   (payload->>'position_id')::bigint AS position_id, created_at, attempts, delivery, delivered_at, last_error
            FROM outbox {(pendingOnly ? "WHERE delivered_at IS NULL AND delivery IS NULL" : "")}
            ORDER BY message_id DESC
            LIMIT @limit
            """,
            new { limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new OutboxMessage(
            r.MessageId, r.DedupKey, r.Channel, r.Kind ?? "", r.Text ?? "", r.PositionId,
            RowTime.Utc(r.CreatedAt), r.Attempts, r.Delivery, RowTime.Utc(r.DeliveredAt), r.LastError))];
    }

    private sealed class Row
    {
        public long MessageId { get; set; }
        public string DedupKey { get; set; } = "";
        public string Channel { get; set; } = "";
        public string? Kind { get; set; }
        public string? Text { get; set; }
        public long? PositionId { get; set; }
        public DateTime CreatedAt { get; set; }
        public int Attempts { get; set; }
        public string? Delivery { get; set; }
        public DateTime? DeliveredAt { get; set; }
        public string? LastError { get; set; }
    }
}
