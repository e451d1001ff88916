namespace OptionsAutomation.Core.Proposals;

/// <summary>
/// Persistence port for proposals (<c>trade_requests</c>): creating and reading them. Their decisions and their opening
/// order are written through <see cref="Trading.Journal.ITradingJournal"/>.
/// </summary>
public interface IProposalStore
{
    /// <summary>Inserts unless the request id exists; returns the stored row and whether this call created it.</summary>
    Task<(TradeProposal Proposal, bool Created)> CreateAsync(TradeProposal proposal, string actor, CancellationToken cancellationToken);

    Task<TradeProposal?> FindAsync(string requestId, CancellationToken cancellationToken);

    /// <summary>Newest first; all statuses when <paramref name="status"/> is null.</summary>
    Task<IReadOnlyList<TradeProposal>> ListAsync(ProposalStatus? status, int limit, CancellationToken cancellationToken);

    /// <summary>Audits a trade the risk gate refused before it became a proposal.</summary>
    Task AuditRiskDenialAsync(string requestId, string denial, string actor, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the proposal's cross-process lock (a Postgres advisory lock) without waiting: null when another process
    /// holds it. Callers in one process queue in memory first (<see cref="Trading.KeyedGate"/>), so waiting never
    /// holds a pooled connection or meets a command timeout.
    /// </summary>
    Task<IAsyncDisposable?> TryLockAsync(string requestId, CancellationToken cancellationToken);
}
