namespace OptionsAutomation.Core.Trading.Adjustments;

/// <summary>
/// Persistence port for recommendations (<c>adjustments</c>): reading them and the decision lock. They are created and
/// moved through <see cref="Journal.ITradingJournal"/>.
/// </summary>
public interface IAdjustmentStore
{
    Task<Adjustment?> FindAsync(long id, CancellationToken cancellationToken);

    /// <summary>Newest first; all statuses when <paramref name="status"/> is null.</summary>
    Task<IReadOnlyList<Adjustment>> ListAsync(AdjustmentStatus? status, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the recommendation's cross-process lock (a Postgres advisory lock) without waiting: null when another process
    /// holds it. Callers in one process queue in memory first (<see cref="KeyedGate"/>).
    /// </summary>
    Task<IAsyncDisposable?> TryLockAsync(long id, CancellationToken cancellationToken);
}
