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
}
