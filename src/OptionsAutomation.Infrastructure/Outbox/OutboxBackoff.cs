namespace OptionsAutomation.Infrastructure.Outbox;

/// <summary>How long an outbox row waits after a failed delivery: 5 s, doubling per attempt, at most 5 minutes.</summary>
public static class OutboxBackoff
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Max = TimeSpan.FromMinutes(5);

    /// <param name="attempts">the attempts made so far, this one included (1 or more).</param>
    public static TimeSpan After(int attempts)
    {
        var backoff = First * Math.Pow(2, Math.Min(attempts - 1, 16));
        return backoff < Max ? backoff : Max;
    }
}
