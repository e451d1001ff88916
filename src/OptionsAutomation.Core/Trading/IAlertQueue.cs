namespace OptionsAutomation.Core.Trading;

/// <summary>The outbox, for an alert that is not part of another change.</summary>
public interface IAlertQueue
{
    /// <summary>Queues an alert on its own, deduplicated by its key (e.g. an expiration that could not be settled, a job that failed).</summary>
    Task EnqueueAsync(Alert alert, DateTimeOffset now, CancellationToken cancellationToken);
}
