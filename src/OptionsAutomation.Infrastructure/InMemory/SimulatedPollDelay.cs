using OptionsAutomation.Core.Orders;

namespace OptionsAutomation.Infrastructure.InMemory;

/// <summary>The wait between two looks at a working order in a replay: the simulated clock moves on by the delay at once.</summary>
public sealed class SimulatedPollDelay(SimulatedClock clock) : IPollDelay
{
    public Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        clock.Advance(delay);
        return Task.CompletedTask;
    }
}
