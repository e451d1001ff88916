namespace OptionsAutomation.Core.Proposals;

/// <summary>
/// Persistence port for proposals (<c>trade_requests</c>): reading them and the approval lock. They are created and
/// decided, and their opening order written, through <see cref="Trading.Journal.ITradingJournal"/>.
/// </summary>
public interface IProposalStore
{
    Task<TradeProposal?> FindAsync(string requestId, CancellationToken cancellationToken);

    /// <summary>Newest first; all statuses when <paramref name="status"/> is null.</summary>
    Task<IReadOnlyList<TradeProposal>> ListAsync(ProposalStatus? status, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the proposal's cross-process lock (a Postgres advisory lock) without waiting: null when another process
    /// holds it. Callers in one process queue in memory first (<see cref="Trading.KeyedGate"/>), so waiting never
    /// holds a pooled connection or meets a command timeout.
    /// </summary>
    Task<IAsyncDisposable?> TryLockAsync(string requestId, CancellationToken cancellationToken);
}
