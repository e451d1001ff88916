namespace OptionsAutomation.Infrastructure.Telegram;

/// <summary>
/// An outbox row still to be delivered, as the sender needs it; <see cref="AdjustmentId"/> for a recommendation's card,
/// <see cref="Photo"/> (a PNG) for an alert posted as a picture, <see cref="PositionId"/> and <see cref="RequestId"/> for what
/// a reply to it is about.
/// </summary>
public sealed record PendingMessage(
    long MessageId, string Kind, string Text, string? RequestId, int Attempts, DateTimeOffset AvailableAt, DateTimeOffset CreatedAt, long? AdjustmentId = null,
    byte[]? Photo = null, long? PositionId = null)
{
    /// <summary>A reply to the chat message of this row can be journaled: it names a position or a proposal.</summary>
    public bool HasTarget => PositionId is not null || RequestId is not null;
}

/// <summary>What one delivery put in the chat: the new message (none for an edit) and, for a proposal card, where it was posted.</summary>
public sealed record SentMessage(Message? Posted, PostedProposal? Card = null);

/// <summary>The chat message a proposal was posted as (<c>telegram_proposal_messages</c>): where its outcome is edited in.</summary>
public sealed record PostedProposal(string RequestId, long ChatId, long MessageId);

/// <summary>The <c>outbox.delivery</c> codes (migration 0007; <c>log</c> from 0015).</summary>
public static class DeliveryCodes
{
    public const string Sent = "sent";
    public const string Silent = "silent";
    public const string Off = "off";
    public const string Failed = "failed";

    /// <summary>Written to the log by the <c>log</c> alert channel (no Telegram).</summary>
    public const string Log = "log";
}
