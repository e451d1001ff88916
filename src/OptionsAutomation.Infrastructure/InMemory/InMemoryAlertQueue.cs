using OptionsAutomation.Core.Trading;

namespace OptionsAutomation.Infrastructure.InMemory;

/// <summary>The outbox of the in-memory book for an alert on its own (deduplicated by its key), in a transaction of its own.</summary>
internal sealed class InMemoryAlertQueue(BookState state) : IAlertQueue
{
    public Task EnqueueAsync(Alert alert, DateTimeOffset now, CancellationToken cancellationToken)
    {
        state.Begin();
        state.Enqueue(alert);
        state.Commit();
        return Task.CompletedTask;
    }
}
