using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Core.Trading.Journal;

namespace OptionsAutomation.Core.Tests.Support;

/// <summary>
/// A minimal in-memory <see cref="ITradingJournal"/> over an <see cref="InMemoryPositionStore"/> for use-case tests
/// (single-threaded): it applies opened and closed positions and keeps every committed event.
/// </summary>
internal sealed class InMemoryTradingJournal(InMemoryPositionStore positions) : ITradingJournal
{
    private readonly List<TradingEvent> _committed = [];

    public IReadOnlyList<TradingEvent> Committed => _committed;

    public Task<ITradingEntry> BeginAsync(CancellationToken cancellationToken) => Task.FromResult<ITradingEntry>(new Entry(this));

    private sealed class Entry(InMemoryTradingJournal journal) : ITradingEntry
    {
        private readonly List<ClosedPosition> _closed = [];

        public IReadOnlyList<ClosedPosition> Closed => _closed;

        public Task<Position> LockPositionAsync(long positionId, bool byClosingOrder, CancellationToken cancellationToken) =>
            Task.FromResult(journal.Positions.Get(positionId));

        public Task<StoredPosition> OpenPositionAsync(NewPosition position, DateTimeOffset now, CancellationToken cancellationToken) =>
            Task.FromResult(journal.Positions.Open(position));

        public Task CommitAsync(IReadOnlyList<TradingEvent> events, DateTimeOffset now, CancellationToken cancellationToken)
        {
            foreach (var closed in events.OfType<PositionClosed>())
            {
                journal.Positions.Apply(closed.Closed, closed.Actor);
                _closed.Add(closed.Closed);
            }

            journal._committed.AddRange(events);
            return Task.CompletedTask;
        }

        public Task<(TradeProposal Proposal, bool Created)> CreateProposalAsync(TradeProposal proposal, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<TradeProposal?> LockProposalAsync(string requestId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<TradeProposal>> LockDueProposalsAsync(DateTimeOffset now, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<TradingControls> LockControlsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<long> OpenSharesAsync(AssignedShares shares, string actor, DateTimeOffset now, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Core.Trading.Adjustments.Adjustment?> LockPendingAdjustmentAsync(long positionId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<Core.Trading.Adjustments.Adjustment>> LockPendingAdjustmentsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Core.Trading.Adjustments.Adjustment?> LockAdjustmentAsync(long id, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Core.Trading.Adjustments.Adjustment> CreateAdjustmentAsync(Core.Trading.Adjustments.Adjustment adjustment, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private InMemoryPositionStore Positions => positions;
}
