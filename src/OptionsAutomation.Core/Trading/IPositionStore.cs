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

/// <summary>Reads positions and their trade history (they are written through <see cref="Journal.ITradingJournal"/>).</summary>
public interface IPositionStore
{
    Task<Position?> FindAsync(long positionId, CancellationToken cancellationToken);

    Task<Position?> FindByRequestIdAsync(string requestId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Position>> ListAsync(PositionStatusFilter status, string? ticker, CancellationToken cancellationToken);

    /// <summary>Closed trades whose New York close date is within [from, to] (either bound optional).</summary>
    Task<IReadOnlyList<TradeRecord>> HistoryAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken);

    /// <summary>Closed trades with a trade id above <paramref name="afterTradeId"/>, by trade id: what a reader that saw the rest needs.</summary>
    Task<IReadOnlyList<TradeRecord>> TradesAfterAsync(long afterTradeId, CancellationToken cancellationToken);

    Task<IReadOnlyList<DailyPnl>> DailyPnlAsync(DateOnly? date, CancellationToken cancellationToken);

    Task<PerformanceMetrics> PerformanceAsync(CancellationToken cancellationToken);
}
