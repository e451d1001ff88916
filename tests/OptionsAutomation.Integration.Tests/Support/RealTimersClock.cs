using Microsoft.Extensions.Time.Testing;

namespace OptionsAutomation.Integration.Tests.Support;

/// <summary>
/// The integration tests' clock: a <see cref="FakeTimeProvider"/> whose "now" the test sets, but whose timers (and so
/// <c>Task.Delay</c> and cancellation timeouts on it) run in real time. The services under test wait through the clock
/// on real I/O and on each other — an order's poll interval and price-walk steps, a loopback stream's inactivity
/// timeout, a Retry-After wait, a hosted service's tick — and a fake timer, which fires only when the test advances the
/// clock, would leave them waiting forever. Core tests, which drive no I/O, use FakeTimeProvider itself.
/// </summary>
public sealed class RealTimersClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        TimeProvider.System.CreateTimer(callback, state, dueTime, period);
}
