namespace OptionsAutomation.Infrastructure.Telegram;

/// <summary>
/// Spaces sending calls so the bot stays under Telegram's limits (about one message a second per chat, 30 a
/// second overall) by waiting, rather than by provoking 429s. Each call reserves the next free instant under
/// both limits, then waits for it on the injected clock, so sends to a chat keep their order. Not
/// System.Threading.RateLimiting: it times itself with Stopwatch, which a test or replay clock cannot move.
/// Slots are handed out in order, so a send held back by its chat also holds back later sends to other chats;
/// we talk to a handful of chats, and that keeps the overall limit exact.
/// </summary>
public sealed class TelegramRateLimiter(TimeProvider clock)
{
    public static readonly TimeSpan PerChatInterval = TimeSpan.FromSeconds(1);

    // Whole milliseconds, because Task.Delay waits in them: 1/30 s would truncate to 33 ms, just over 30 a second.
    public static readonly TimeSpan OverallInterval = TimeSpan.FromMilliseconds(34);

    private readonly Lock _gate = new();

    // One entry per chat the bot has written to: the configured chat and the approvers' private chats.
    private readonly Dictionary<long, DateTimeOffset> _nextPerChat = [];

    private DateTimeOffset _nextOverall = DateTimeOffset.MinValue;

    public Task WaitAsync(long chatId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        DateTimeOffset slot;
        lock (_gate)
        {
            slot = now;
            if (_nextOverall > slot)
            {
                slot = _nextOverall;
            }

            if (_nextPerChat.TryGetValue(chatId, out var chatNext) && chatNext > slot)
            {
                slot = chatNext;
            }

            _nextOverall = slot + OverallInterval;
            _nextPerChat[chatId] = slot + PerChatInterval;
        }

        var wait = slot - now;
        return wait > TimeSpan.Zero ? Task.Delay(wait, clock, cancellationToken) : Task.CompletedTask;
    }
}
