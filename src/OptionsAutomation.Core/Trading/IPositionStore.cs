using OptionsAutomation.Core.Analytics;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Trading;

/// <summary>Which positions to list.</summary>
public enum PositionStatusFilter
{
    Open,
    Closed,
    All,
}

/// <summary>Result of recording a position: <see cref="Created"/> is false when the request id was already recorded.</summary>
public sealed record StoredPosition(Position Position, bool Created);

/// <summary>Persistence port for positions and their trade history. Every write is one transaction with its audit event.</summary>
public interface IPositionStore
{
    /// <summary>Inserts the position unless one exists for its request id, in which case that one is returned unchanged.</summary>
    Task<StoredPosition> CreateAsync(NewPosition position, CancellationToken cancellationToken);

    Task<Position?> FindAsync(long positionId, CancellationToken cancellationToken);

    Task<Position?> FindByRequestIdAsync(string requestId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Position>> ListAsync(PositionStatusFilter status, string? ticker, CancellationToken cancellationToken);

    /// <summary>
    /// Locks the position, lets <paramref name="close"/> compute the closed state from the locked row, then
    /// writes the position, its trade_history row and the audit event in one transaction.
    /// </summary>
    /// <exception cref="PositionNotFoundException">when no such position exists.</exception>
    Task<ClosedPosition> CloseAsync(long positionId, Func<Position, ClosedPosition> close, string actor, CancellationToken cancellationToken);

    /// <summary>Closed trades whose New York close date is within [from, to] (either bound optional).</summary>
    Task<IReadOnlyList<TradeRecord>> HistoryAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken);

    Task<IReadOnlyList<DailyPnl>> DailyPnlAsync(DateOnly? date, CancellationToken cancellationToken);

    Task<PerformanceMetrics> PerformanceAsync(CancellationToken cancellationToken);
}
