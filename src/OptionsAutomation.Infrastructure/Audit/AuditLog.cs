using System.Data;
using Dapper;
using OptionsAutomation.Infrastructure.Json;

namespace OptionsAutomation.Infrastructure.Audit;

/// <summary>
/// Appends audit events inside the caller's transaction, so a state change and its audit
/// record commit or roll back together.
/// </summary>
public static class AuditLog
{
    public static Task AppendAsync(IDbTransaction transaction, AuditEvent auditEvent) =>
        transaction.Connection!.ExecuteAsync(
            """
            INSERT INTO audit_events (occurred_at, actor, event_type, entity_type, entity_id, request_id, position_id, data)
            VALUES (@OccurredAt, @Actor, @EventType, @EntityType, @EntityId, @RequestId, @PositionId, CAST(@Data AS jsonb))
            """,
            new
            {
                OccurredAt = auditEvent.OccurredAt.ToUniversalTime(),
                auditEvent.Actor,
                auditEvent.EventType,
                auditEvent.EntityType,
                auditEvent.EntityId,
                auditEvent.RequestId,
                auditEvent.PositionId,
                Data = DomainJson.Serialize(auditEvent.Data),
            },
            transaction);
}
