namespace OptionsAutomation.Integration.Tests.Telegram;

/// <summary>
/// A clock whose timers fire at once and move the time on by their due time, so retry delays and rate-limit
/// waits cost no wall time; each wait is recorded for the test to check. Kept rather than RealTimersClock: its timers
/// fire only when the test advances the time, so a Polly retry or a rate-limit wait deep inside a call would block
/// until something outside moved the clock, and the test would have to guess how far and when.
/// </summary>
public sealed class SkippingClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _waits = [];
    private DateTimeOffset _now = start;

    public IReadOnlyList<TimeSpan> Waits
    {
        get
        {
            lock (_gate)
            {
                return [.. _waits];
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <summary>Moves the time on, as waiting would.</summary>
    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_gate)
            {
                _now += dueTime;
                _waits.Add(dueTime);
            }

            // Not inline: the caller has not finished setting up its timer yet.
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }

        return new SpentTimer();
    }

    private sealed class SpentTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
