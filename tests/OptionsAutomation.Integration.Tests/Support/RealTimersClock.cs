using Microsoft.Extensions.Time.Testing;

namespace OptionsAutomation.Integration.Tests.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> whose "now" the test sets, but whose timers (and so <c>Task.Delay</c> and
/// cancellation timeouts on it) run in real time. For tests of code that waits on real I/O through the clock — a
/// loopback stream's inactivity timeout, a Retry-After wait — where a fake timer, which fires only when the test
/// advances the clock, would leave the call under test waiting forever.
/// </summary>
public sealed class RealTimersClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        TimeProvider.System.CreateTimer(callback, state, dueTime, period);
}
