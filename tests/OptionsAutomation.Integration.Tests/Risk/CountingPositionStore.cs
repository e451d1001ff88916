using OptionsAutomation.Core.Analytics;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Trading;

namespace OptionsAutomation.Integration.Tests.Risk;

/// <summary>A position store (the Postgres one) that counts the trade reads: (after which id, rows answered) per incremental read, and whole-history reads.</summary>
internal sealed class CountingPositionStore(IPositionStore store) : IPositionStore
{
    public List<(long After, int Rows)> TradeReads { get; set; } = [];

    public int FullHistoryReads { get; private set; }

    public async Task<IReadOnlyList<TradeRecord>> TradesAfterAsync(long afterTradeId, CancellationToken cancellationToken)
    {
        var rows = await store.TradesAfterAsync(afterTradeId, cancellationToken);
        TradeReads.Add((afterTradeId, rows.Count));
        return rows;
    }

    public Task<IReadOnlyList<TradeRecord>> HistoryAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        FullHistoryReads += from is null && to is null ? 1 : 0;
        return store.HistoryAsync(from, to, cancellationToken);
    }

    public Task<Position?> FindAsync(long positionId, CancellationToken cancellationToken) => store.FindAsync(positionId, cancellationToken);

    public Task<Position?> FindByRequestIdAsync(string requestId, CancellationToken cancellationToken) => store.FindByRequestIdAsync(requestId, cancellationToken);

    public Task<IReadOnlyList<Position>> ListAsync(PositionStatusFilter status, string? ticker, CancellationToken cancellationToken) =>
        store.ListAsync(status, ticker, cancellationToken);

    public Task<IReadOnlyList<DailyPnl>> DailyPnlAsync(DateOnly? date, CancellationToken cancellationToken) => store.DailyPnlAsync(date, cancellationToken);

    public Task<PerformanceMetrics> PerformanceAsync(CancellationToken cancellationToken) => store.PerformanceAsync(cancellationToken);
}
