namespace OptionsAutomation.Core.Risk;

/// <summary>
/// Opening orders per underlying over a sliding window, timed by the gate's <see cref="TimeProvider"/>.
/// Written here rather than taken from System.Threading.RateLimiting: its limiters read
/// <c>Stopwatch.GetTimestamp()</c> (no TimeProvider), so tests would have to sleep and replays could not use
/// their own clock, and the package is not part of the base runtime that Core is limited to. It also keeps each
/// order's request id, so re-checking a proposal at approval does not count it twice, and it lets the gate
/// look before it counts, so orders that a later check denies use no permit. Not thread-safe: the gate locks.
/// </summary>
internal sealed class OrderRateWindow(TimeSpan window)
{
    private readonly Dictionary<string, Queue<(DateTimeOffset At, string RequestId)>> _orders = new(StringComparer.Ordinal);

    public TimeSpan Window { get; } = window;

    /// <summary>Orders for <paramref name="underlying"/> counted in the window ending at <paramref name="now"/>.</summary>
    public int Count(string underlying, DateTimeOffset now) => Recent(underlying, now)?.Count ?? 0;

    public bool Holds(string underlying, string requestId, DateTimeOffset now) =>
        Recent(underlying, now)?.Any(o => o.RequestId == requestId) ?? false;

    public void Record(string underlying, string requestId, DateTimeOffset now)
    {
        if (Holds(underlying, requestId, now))
        {
            return;
        }

        if (!_orders.TryGetValue(underlying, out var orders))
        {
            orders = new();
            _orders[underlying] = orders;
        }

        orders.Enqueue((now, requestId));
    }

    // An order counts for one window from its time. Orders stamped after now (a clock set back, a replay)
    // stay counted: dropping them would let a burst through.
    private Queue<(DateTimeOffset At, string RequestId)>? Recent(string underlying, DateTimeOffset now)
    {
        if (!_orders.TryGetValue(underlying, out var orders))
        {
            return null;
        }

        while (orders.TryPeek(out var oldest) && now - oldest.At >= Window)
        {
            orders.Dequeue();
        }

        return orders;
    }
}
