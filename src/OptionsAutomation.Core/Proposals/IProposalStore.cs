namespace OptionsAutomation.Core.Proposals;

/// <summary>Persistence port for proposals (<c>trade_requests</c>); every write carries its audit event.</summary>
public interface IProposalStore
{
    /// <summary>Inserts unless the request id exists; returns the stored row and whether this call created it.</summary>
    Task<(TradeProposal Proposal, bool Created)> CreateAsync(TradeProposal proposal, string actor, CancellationToken cancellationToken);

    Task<TradeProposal?> FindAsync(string requestId, CancellationToken cancellationToken);

    /// <summary>Newest first; all statuses when <paramref name="status"/> is null.</summary>
    Task<IReadOnlyList<TradeProposal>> ListAsync(ProposalStatus? status, int limit, CancellationToken cancellationToken);

    /// <summary>Moves every PROPOSED row whose approval window has passed to EXPIRED; returns them.</summary>
    Task<IReadOnlyList<TradeProposal>> ExpireDueAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Audits a trade the risk gate refused before it became a proposal.</summary>
    Task AuditRiskDenialAsync(string requestId, string denial, string actor, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the proposal's cross-process lock (a Postgres advisory lock) without waiting: null when another process
    /// holds it. Callers in one process queue in memory first (<see cref="Trading.KeyedGate"/>), so waiting never
    /// holds a pooled connection or meets a command timeout.
    /// </summary>
    Task<IAsyncDisposable?> TryLockAsync(string requestId, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the proposal from one of <paramref name="from"/> to <paramref name="to"/> (audited); null when it
    /// was in none of them, in which case nothing changed.
    /// </summary>
    Task<TradeProposal?> TransitionAsync(
        string requestId, IReadOnlyList<ProposalStatus> from, ProposalStatus to, string by, string? reason, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records the PENDING opening order before it is sent (idempotent by client order id).</summary>
    Task RecordOpeningOrderAsync(TradeProposal proposal, Orders.OrderTicket ticket, string actor, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// The broker accepted the opening order or filled part of it: the order row's status and filled quantity,
    /// audited once per change (repeating a state already stored writes nothing).
    /// </summary>
    Task RecordOrderProgressAsync(TradeProposal proposal, Orders.OrderState state, string actor, DateTimeOffset now, CancellationToken cancellationToken);
}
