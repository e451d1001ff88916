using OptionsAutomation.Core.Analytics;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Trading;

/// <summary>Result of opening: the position, whether this call created it, and rule warnings.</summary>
public sealed record OpenedPosition(Position Position, bool Created, IReadOnlyList<string> Warnings);

/// <summary>
/// Use cases for positions: record an executed trade, look positions up, close one. Validation and
/// P&amp;L live in the domain types; this class orders the steps and supplies the clock.
/// </summary>
public sealed class PositionManager(IPositionStore store, ExitRuleSettings rules, TimeProvider clock)
{
    public async Task<OpenedPosition> OpenAsync(OpenPositionRequest request, CancellationToken cancellationToken = default)
    {
        var position = NewPosition.From(request, rules, clock.GetUtcNow());
        var stored = await store.CreateAsync(position, cancellationToken).ConfigureAwait(false);
        return new OpenedPosition(stored.Position, stored.Created, stored.Created ? position.Terms.Warnings : []);
    }

    public Task<Position?> FindAsync(long positionId, CancellationToken cancellationToken = default) =>
        store.FindAsync(positionId, cancellationToken);

    public Task<Position?> FindByRequestIdAsync(string requestId, CancellationToken cancellationToken = default) =>
        store.FindByRequestIdAsync(requestId, cancellationToken);

    public Task<IReadOnlyList<Position>> OpenPositionsAsync(string? ticker = null, CancellationToken cancellationToken = default) =>
        store.ListAsync(PositionStatusFilter.Open, ticker?.Trim().ToUpperInvariant(), cancellationToken);

    public Task<IReadOnlyList<Position>> ListAsync(PositionStatusFilter status, string? ticker, CancellationToken cancellationToken = default) =>
        store.ListAsync(status, ticker?.Trim().ToUpperInvariant(), cancellationToken);

    /// <summary>Closes an OPEN position at a net debit per share; the realized P&amp;L is computed from the stored entry.</summary>
    /// <exception cref="PositionNotFoundException"/>
    /// <exception cref="PositionNotOpenException"/>
    /// <exception cref="PositionRuleException"/>
    public Task<ClosedPosition> CloseAsync(long positionId, PositionExit exit, CancellationToken cancellationToken = default) =>
        store.CloseAsync(positionId, position => position.Close(exit, clock.GetUtcNow()), exit.Actor, cancellationToken);

    public Task<IReadOnlyList<TradeRecord>> HistoryAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken = default) =>
        store.HistoryAsync(from, to, cancellationToken);

    public Task<IReadOnlyList<DailyPnl>> DailyPnlAsync(DateOnly? date, CancellationToken cancellationToken = default) =>
        store.DailyPnlAsync(date, cancellationToken);

    public Task<PerformanceMetrics> PerformanceAsync(CancellationToken cancellationToken = default) =>
        store.PerformanceAsync(cancellationToken);
}
