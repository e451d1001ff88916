namespace OptionsAutomation.Infrastructure.Outbox;

/// <summary>A row of the outbox as people read it (<c>optauto alerts list</c>).</summary>
public sealed record OutboxMessage(
    long MessageId,
    string DedupKey,
    string Channel,
    string Kind,
    string Text,
    long? PositionId,
    DateTimeOffset CreatedAt,
    int Attempts,
    DateTimeOffset? DeliveredAt,
    string? LastError);
