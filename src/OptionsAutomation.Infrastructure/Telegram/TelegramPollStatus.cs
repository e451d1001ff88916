namespace OptionsAutomation.Infrastructure.Telegram;

/// <summary>
/// How the bot's conversation with Telegram is going, for <c>/health</c>: who it is, when a poll last succeeded and
/// the last failure. Written by the polling loop, read by the health check, so every member is thread-safe.
/// </summary>
public sealed class TelegramPollStatus
{
    private readonly Lock _gate = new();
    private string? _bot;
    private DateTimeOffset? _lastPollAt;
    private DateTimeOffset? _lastErrorAt;
    private string? _lastError;

    public void Connected(User me)
    {
        lock (_gate)
        {
            _bot = me.Username ?? me.FirstName;
        }
    }

    public void Polled(DateTimeOffset at)
    {
        lock (_gate)
        {
            _lastPollAt = at;
        }
    }

    /// <summary>A failed poll; the message never holds the token (the client never puts URLs in errors).</summary>
    public void Failed(string error, DateTimeOffset at)
    {
        lock (_gate)
        {
            (_lastError, _lastErrorAt) = (error, at);
        }
    }

    public TelegramPollSnapshot Read()
    {
        lock (_gate)
        {
            return new TelegramPollSnapshot(_bot, _lastPollAt, _lastError, _lastErrorAt);
        }
    }
}

/// <summary>
/// A reading of <see cref="TelegramPollStatus"/>. <see cref="Failing"/>: the last thing that happened was a failure.
/// </summary>
public sealed record TelegramPollSnapshot(string? Bot, DateTimeOffset? LastPollAt, string? LastError, DateTimeOffset? LastErrorAt)
{
    public bool Failing => LastErrorAt is { } failed && (LastPollAt is not { } polled || failed > polled);
}
