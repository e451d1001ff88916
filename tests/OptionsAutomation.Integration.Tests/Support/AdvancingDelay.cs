using OptionsAutomation.Core.Orders;

namespace OptionsAutomation.Integration.Tests.Support;

/// <summary>Instead of sleeping between order polls, moves the manual clock on by the delay.</summary>
public sealed class AdvancingDelay(RealTimersClock clock) : IPollDelay
{
    public Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        clock.Advance(delay);
        return Task.CompletedTask;
    }
}
