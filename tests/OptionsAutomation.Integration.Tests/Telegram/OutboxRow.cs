namespace OptionsAutomation.Integration.Tests.Telegram;

/// <summary>The delivery columns of one outbox row.</summary>
public sealed record OutboxRow(string? Delivery, int Attempts, string? LastError, DateTimeOffset? DeliveredAt, DateTimeOffset AvailableAt);
