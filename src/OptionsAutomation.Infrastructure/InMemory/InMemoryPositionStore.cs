using OptionsAutomation.Core.Analytics;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Trading;

namespace OptionsAutomation.Infrastructure.InMemory;

/// <summary>
/// Positions and trade history of the in-memory book, read as <c>PostgresPositionStore</c> reads them (single-threaded).
/// The daily P&amp;L and performance views are SQL views with no counterpart here: asking for them throws rather than
/// answer from a second implementation.
/// </summary>
internal sealed class InMemoryPositionStore(BookState state) : IPositionStore
{
    public Task<Position?> FindAsync(long positionId, CancellationToken cancellationToken) => Task.FromResult(state.Position(positionId));

    public Task<Position?> FindByRequestIdAsync(string requestId, CancellationToken cancellationToken) => Task.FromResult(state.PositionOf(requestId));

    public Task<IReadOnlyList<Position>> ListAsync(PositionStatusFilter status, string? ticker, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Position>>(
        [
            .. state.Positions.Where(p => (ticker is null || p.Ticker == ticker) && status switch
            {
                PositionStatusFilter.Open => p.Status == PositionStatus.Open,
                PositionStatusFilter.Closed => p.Status != PositionStatus.Open,
                _ => true,
            }),
        ]);

    /// <summary>Closed trades whose New York close date is within [from, to], by close time and trade id.</summary>
    public Task<IReadOnlyList<TradeRecord>> HistoryAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TradeRecord>>(
        [
            .. state.Trades
                .Where((_, i) => (from is null || state.ClosedOn[i] >= from) && (to is null || state.ClosedOn[i] <= to))
                .OrderBy(t => t.ClosedAt).ThenBy(t => t.TradeId),
        ]);

    public Task<IReadOnlyList<TradeRecord>> TradesAfterAsync(long afterTradeId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TradeRecord>>([.. state.Trades.Where(t => t.TradeId > afterTradeId).OrderBy(t => t.TradeId)]);

    public Task<IReadOnlyList<DailyPnl>> DailyPnlAsync(DateOnly? date, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the in-memory book has no daily P&L view; compute it from HistoryAsync.");

    public Task<PerformanceMetrics> PerformanceAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException("the in-memory book has no performance view; compute it from HistoryAsync.");
}
