using OptionsAutomation.Core.Analytics;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Trading.Journal;

namespace OptionsAutomation.Core.Trading;

/// <summary>Result of opening: the position, whether this call created it, and rule warnings.</summary>
public sealed record OpenedPosition(Position Position, bool Created, IReadOnlyList<string> Warnings);

/// <summary>
/// Use cases for positions: record an executed trade, look positions up, close one. Validation and
/// P&amp;L live in the domain types; this class orders the steps and supplies the clock. Opening and closing are
/// written through the trading journal (<see cref="PositionBooking"/>).
/// </summary>
public sealed class PositionManager(IPositionStore store, ITradingJournal journal, ExitRuleSettings rules, TimeProvider clock)
{
    public async Task<OpenedPosition> OpenAsync(OpenPositionRequest request, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var position = NewPosition.From(request, rules, now);
        await using var entry = await journal.BeginAsync(cancellationToken).ConfigureAwait(false);
        var stored = await entry.OpenPositionAsync(position, now, cancellationToken).ConfigureAwait(false);
        if (!stored.Created)
        {
            return new OpenedPosition(stored.Position, false, []);
        }

        await entry.CommitAsync(PositionBooking.Opened(stored, position), now, cancellationToken).ConfigureAwait(false);
        return new OpenedPosition(stored.Position, true, position.Terms.Warnings);
    }

    public Task<Position?> FindAsync(long positionId, CancellationToken cancellationToken = default) =>
        store.FindAsync(positionId, cancellationToken);

    public Task<Position?> FindByRequestIdAsync(string requestId, CancellationToken cancellationToken = default) =>
        store.FindByRequestIdAsync(requestId, cancellationToken);

    public Task<IReadOnlyList<Position>> OpenPositionsAsync(string? ticker = null, CancellationToken cancellationToken = default) =>
        store.ListAsync(PositionStatusFilter.Open, ticker?.Trim().ToUpperInvariant(), cancellationToken);

    public Task<IReadOnlyList<Position>> ListAsync(PositionStatusFilter status, string? ticker, CancellationToken cancellationToken = default) =>
        store.ListAsync(status, ticker?.Trim().ToUpperInvariant(), cancellationToken);

    /// <summary>
    /// Records a close done by hand, at a net debit per share: the realized P&amp;L is computed from the position as
    /// locked, and the breaker counts the round trip in the same transaction. Refused while a closing order is working.
    /// </summary>
    /// <returns>The close, its trade with the id it was stored under.</returns>
    /// <exception cref="PositionNotFoundException"/>
    /// <exception cref="PositionNotOpenException"/>
    /// <exception cref="PositionRuleException"/>
    /// <exception cref="OrderInProgressException">while a closing order for it is working.</exception>
    public async Task<ClosedPosition> CloseAsync(long positionId, PositionExit exit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(exit);
        await using var entry = await journal.BeginAsync(cancellationToken).ConfigureAwait(false);
        var locked = await entry.LockPositionAsync(positionId, byClosingOrder: false, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        await entry.CommitAsync(PositionBooking.ClosedByHand(locked.Close(exit, now), exit.Actor), now, cancellationToken).ConfigureAwait(false);
        return entry.Closed[0];
    }

    public Task<IReadOnlyList<TradeRecord>> HistoryAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken = default) =>
        store.HistoryAsync(from, to, cancellationToken);

    public Task<IReadOnlyList<DailyPnl>> DailyPnlAsync(DateOnly? date, CancellationToken cancellationToken = default) =>
        store.DailyPnlAsync(date, cancellationToken);

    public Task<PerformanceMetrics> PerformanceAsync(CancellationToken cancellationToken = default) =>
        store.PerformanceAsync(cancellationToken);
}
