namespace OptionsAutomation.Infrastructure.InMemory;

/// <summary>
/// The clock of a replay: "now" is what the driver sets, moving only forward, and waits advance it instead of sleeping
/// (<see cref="SimulatedPollDelay"/>). It has no timers: nothing the in-memory book runs may wait on one, so asking for
/// a timer throws rather than wait on wall-clock time.
/// </summary>
public sealed class SimulatedClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start.ToUniversalTime();

    public override DateTimeOffset GetUtcNow() => _now;

    /// <exception cref="ArgumentOutOfRangeException">when <paramref name="now"/> is earlier than the current time.</exception>
    public void SetUtcNow(DateTimeOffset now)
    {
        if (now < _now)
        {
            throw new ArgumentOutOfRangeException(nameof(now), now, $"a simulated clock never goes back (it is {_now:O}).");
        }

        _now = now.ToUniversalTime();
    }

    public void Advance(TimeSpan delay) => SetUtcNow(_now + delay);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        throw new NotSupportedException("a simulated clock has no timers; wait through SimulatedPollDelay.");
}
