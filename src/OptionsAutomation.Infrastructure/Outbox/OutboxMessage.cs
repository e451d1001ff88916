namespace OptionsAutomation.Infrastructure.Outbox;

/// <summary>
/// A row of the outbox as people read it (<c>optauto alerts list</c>). <see cref="Delivery"/> is how it went out
/// (sent, silent, off, failed) and null while pending; <see cref="Attempts"/> and <see cref="LastError"/> say how
/// delivery has gone so far.
/// </summary>
public sealed record OutboxMessage(
    long MessageId,
    string DedupKey,
    string Channel,
    string Kind,
    string Text,
    long? PositionId,
    DateTimeOffset CreatedAt,
    int Attempts,
    string? Delivery,
    DateTimeOffset? DeliveredAt,
    string? LastError);
