using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Trading.Adjustments;

namespace OptionsAutomation.Core.Trading.Journal;

/// <summary>
/// One open transaction of the <see cref="ITradingJournal"/>: what a use case must read or create before it can
/// decide, then <see cref="CommitAsync"/> with what it decided. Disposed without a commit, nothing is written.
/// </summary>
public interface ITradingEntry : IAsyncDisposable
{
    /// <summary>
    /// Locks the position's row until the commit and returns it as stored, so a concurrent second close waits and then
    /// sees what the first did.
    /// </summary>
    /// <param name="byClosingOrder">
    /// The close books a closing order's fills. Any other close (a settlement) is refused while a closing order for the
    /// position is at work: the broker may still be filling it, and those fills must close the contracts they traded.
    /// </param>
    /// <exception cref="PositionNotFoundException">when there is no such position.</exception>
    /// <exception cref="OrderInProgressException">when <paramref name="byClosingOrder"/> is false and a closing order is working.</exception>
    Task<Position> LockPositionAsync(long positionId, bool byClosingOrder, CancellationToken cancellationToken);

    /// <summary>
    /// Creates the proposal's row unless its request id has one already, which is then returned unchanged (Created false).
    /// </summary>
    Task<(TradeProposal Proposal, bool Created)> CreateProposalAsync(TradeProposal proposal, CancellationToken cancellationToken);

    /// <summary>Locks the proposal's row until the commit and returns it as stored; null when there is no such proposal.</summary>
    Task<TradeProposal?> LockProposalAsync(string requestId, CancellationToken cancellationToken);

    /// <summary>Locks and returns every PROPOSED proposal whose approval window has passed at <paramref name="now"/>.</summary>
    Task<IReadOnlyList<TradeProposal>> LockDueProposalsAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Locks the trading state and the circuit breaker until the commit and returns them, so a change is decided on
    /// what is stored and an automatic tightening never loosens a state someone else just set.
    /// </summary>
    Task<TradingControls> LockControlsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Creates the position's row unless its request id has one already, which is then returned unchanged
    /// (<see cref="StoredPosition.Created"/> false). A concurrent open of the same request waits for the first.
    /// </summary>
    Task<StoredPosition> OpenPositionAsync(NewPosition position, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Opens the STOCK position of an assignment (audited as <paramref name="actor"/>); its id is what the alert names.</summary>
    Task<long> OpenSharesAsync(AssignedShares shares, string actor, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Locks and returns the position's PENDING recommendation (at most one: a partial unique index), null when it has
    /// none; a second sweep of the same position waits here for the first.
    /// </summary>
    Task<Adjustment?> LockPendingAdjustmentAsync(long positionId, CancellationToken cancellationToken);

    /// <summary>Locks and returns every PENDING recommendation, ordered by id (the sweep expires those whose position closed).</summary>
    Task<IReadOnlyList<Adjustment>> LockPendingAdjustmentsAsync(CancellationToken cancellationToken);

    /// <summary>Locks the recommendation's row until the commit and returns it as stored; null when there is no such one.</summary>
    Task<Adjustment?> LockAdjustmentAsync(long id, CancellationToken cancellationToken);

    /// <summary>Creates the recommendation's row and returns it with its id.</summary>
    Task<Adjustment> CreateAdjustmentAsync(Adjustment adjustment, CancellationToken cancellationToken);

    /// <summary>Writes <paramref name="events"/> in order and commits.</summary>
    Task CommitAsync(IReadOnlyList<TradingEvent> events, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>After the commit: the closes its <see cref="PositionClosed"/> events wrote, with their trade ids.</summary>
    IReadOnlyList<ClosedPosition> Closed { get; }
}
