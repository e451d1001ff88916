using System.Text.Json;

namespace OptionsAutomation.Infrastructure.Audit;

/// <summary>
/// A committed row of <c>audit_events</c> as read back: every column, <c>data</c> as the stored JSON object.
/// Serialized with <see cref="Json.DomainJson"/> its keys are the column names, for the export files and <c>--json</c>.
/// </summary>
public sealed record AuditRecord(
    long EventId,
    DateTimeOffset OccurredAt,
    string Actor,
    string EventType,
    string EntityType,
    string EntityId,
    string? RequestId,
    long? PositionId,
    JsonElement Data);
