namespace OptionsAutomation.Infrastructure.Audit;

/// <summary>One row of the append-only <c>audit_events</c> table.</summary>
public sealed record AuditEvent(
    DateTimeOffset OccurredAt,
    string Actor,
    string EventType,
    string EntityType,
    string EntityId,
    string? RequestId,
    long? PositionId,
    object Data);
