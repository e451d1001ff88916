namespace OptionsAutomation.Core.Orders;

/// <summary>
/// The wait between two looks at a working order. Production waits on the <see cref="TimeProvider"/>
/// (<see cref="ClockDelay"/>); tests move their manual clock instead of sleeping.
/// </summary>
public interface IPollDelay
{
    Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken);
}

/// <summary>Waits <c>Task.Delay</c> on the injected clock.</summary>
public sealed class ClockDelay(TimeProvider clock) : IPollDelay
{
    public Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken) => Task.Delay(delay, clock, cancellationToken);
}
