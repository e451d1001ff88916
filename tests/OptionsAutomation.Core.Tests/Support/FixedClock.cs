namespace OptionsAutomation.Core.Tests.Support;

/// <summary>A clock that stands still at the given instant (no sleeps in tests).</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
