using OptionsAutomation.Core.Analytics;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Trading;

namespace OptionsAutomation.Core.Tests.Support;

/// <summary>
/// A minimal in-memory <see cref="IPositionStore"/> for use-case tests (single-threaded), written through
/// <see cref="InMemoryTradingJournal"/>.
/// </summary>
internal sealed class InMemoryPositionStore : IPositionStore
{
    private readonly Dictionary<long, Position> _positions = [];
    private readonly List<TradeRecord> _trades = [];

    public IReadOnlyList<TradeRecord> Trades => _trades;

    public string? LastCloseActor { get; private set; }

    public StoredPosition Open(NewPosition position)
    {
        var existing = _positions.Values.FirstOrDefault(p => p.RequestId == position.RequestId);
        if (existing is not null)
        {
            return new StoredPosition(existing, false);
        }

        var created = position.ToOpenPosition(_positions.Count + 1);
        _positions.Add(created.PositionId, created);
        return new StoredPosition(created, true);
    }

    public Position Get(long positionId) =>
        _positions.GetValueOrDefault(positionId) ?? throw new PositionNotFoundException(positionId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public void Apply(ClosedPosition closed, string actor)
    {
        _positions[closed.Position.PositionId] = closed.Position;
        _trades.Add(closed.Trade);
        LastCloseActor = actor;
    }

    public Task<Position?> FindAsync(long positionId, CancellationToken cancellationToken) =>
        Task.FromResult(_positions.GetValueOrDefault(positionId));

    public Task<Position?> FindByRequestIdAsync(string requestId, CancellationToken cancellationToken) =>
        Task.FromResult(_positions.Values.FirstOrDefault(p => p.RequestId == requestId));

    public Task<IReadOnlyList<Position>> ListAsync(PositionStatusFilter status, string? ticker, CancellationToken cancellationToken)
    {
        IReadOnlyList<Position> list =
        [
            .. _positions.Values.Where(p =>
                (ticker is null || p.Ticker == ticker)
                && status switch
                {
                    PositionStatusFilter.Open => p.Status == PositionStatus.Open,
                    PositionStatusFilter.Closed => p.Status != PositionStatus.Open,
                    _ => true,
                }),
        ];
        return Task.FromResult(list);
    }

    public Task<IReadOnlyList<TradeRecord>> HistoryAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TradeRecord>>(_trades);

    public Task<IReadOnlyList<TradeRecord>> TradesAfterAsync(long afterTradeId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TradeRecord>>([.. _trades.Where(t => t.TradeId > afterTradeId).OrderBy(t => t.TradeId)]);

    public Task<IReadOnlyList<DailyPnl>> DailyPnlAsync(DateOnly? date, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<PerformanceMetrics> PerformanceAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
