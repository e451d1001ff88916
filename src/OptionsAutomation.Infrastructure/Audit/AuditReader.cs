using System.Text.Json;
using Dapper;
using Npgsql;
using OptionsAutomation.Infrastructure.Postgres;

namespace OptionsAutomation.Infrastructure.Audit;

/// <summary>Reads committed rows of <c>audit_events</c>, always in <c>event_id</c> order.</summary>
public sealed class AuditReader(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "event_id, occurred_at, actor, event_type, entity_type, entity_id, request_id, position_id, data::text AS data";

    static AuditReader() => DapperConventions.Apply();

    /// <summary>The last <paramref name="count"/> events, oldest first (newest last).</summary>
    public async Task<IReadOnlyList<AuditRecord>> TailAsync(int count, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT * FROM (SELECT {Columns} FROM audit_events ORDER BY event_id DESC LIMIT @count) AS last ORDER BY event_id",
            new { count }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToRecord())];
    }

    /// <summary>Events with <paramref name="afterId"/> &lt; event_id ≤ <paramref name="throughId"/>, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<AuditRecord>> PageAsync(long afterId, long throughId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM audit_events WHERE event_id > @afterId AND event_id <= @throughId ORDER BY event_id LIMIT @limit",
            new { afterId, throughId, limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToRecord())];
    }

    private sealed class Row
    {
        public long EventId { get; set; }
        public DateTime OccurredAt { get; set; }
        public string Actor { get; set; } = "";
        public string EventType { get; set; } = "";
        public string EntityType { get; set; } = "";
        public string EntityId { get; set; } = "";
        public string? RequestId { get; set; }
        public long? PositionId { get; set; }
        public string Data { get; set; } = "{}";

        public AuditRecord ToRecord()
        {
            using var data = JsonDocument.Parse(Data);
            return new AuditRecord(EventId, RowTime.Utc(OccurredAt), Actor, EventType, EntityType, EntityId, RequestId, PositionId, data.RootElement.Clone());
        }
    }
}
