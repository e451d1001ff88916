using OptionsAutomation.Core.Proposals;

namespace OptionsAutomation.Infrastructure.InMemory;

/// <summary>
/// Proposals of the in-memory book. There is no other process to lock out, so the approval lock is always granted; the
/// callers' in-process turns (<c>KeyedGate</c>) still apply.
/// </summary>
internal sealed class InMemoryProposalStore(BookState state) : IProposalStore
{
    public Task<TradeProposal?> FindAsync(string requestId, CancellationToken cancellationToken) => Task.FromResult(state.Proposal(requestId));

    /// <summary>Newest first (by proposal time, then request id), at most <paramref name="limit"/>.</summary>
    public Task<IReadOnlyList<TradeProposal>> ListAsync(ProposalStatus? status, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TradeProposal>>(
        [
            .. state.Proposals.Where(p => status is null || p.Status == status)
                .OrderByDescending(p => p.ProposedAt).ThenBy(p => p.RequestId, StringComparer.Ordinal).Take(limit),
        ]);

    public Task<IAsyncDisposable?> TryLockAsync(string requestId, CancellationToken cancellationToken) => Task.FromResult<IAsyncDisposable?>(SingleProcessLock.Held);
}
