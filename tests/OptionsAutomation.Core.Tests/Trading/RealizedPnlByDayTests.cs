using OptionsAutomation.Core.Analytics;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Tests.Analytics;
using OptionsAutomation.Core.Trading;

namespace OptionsAutomation.Core.Tests.Trading;

/// <summary>
/// The risk job's realized P&amp;L per day, caught up from the rows above the last settled trade id: a row committed after
/// a later one is still counted, once; a gap that stays empty past the grace is passed over.
/// </summary>
public sealed class RealizedPnlByDayTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 11, 14, 35, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = new(2026, 3, 9);

    [Fact]
    public async Task ARowCommittedAfterALaterOne_IsReadFromItsGap_AndEachRowCountsOnce()
    {
        var store = new VisibleTrades();
        var realized = new RealizedPnlByDay();
        store.Show(Trade(1, 100m), Trade(3, 30m));

        await realized.CatchUpAsync(store, Now, CancellationToken.None);
        Assert.Equal(130m, realized.Days[Day]);

        // Row 2 commits: read from the gap, row 3 comes again and is not counted twice.
        store.Show(Trade(2, -20m));
        await realized.CatchUpAsync(store, Now.AddMinutes(1), CancellationToken.None);
        Assert.Equal(110m, realized.Days[Day]);
        Assert.Equal([0L, 1L], store.ReadsAfter);

        // Settled through 3 now: the next read starts above it.
        await realized.CatchUpAsync(store, Now.AddMinutes(2), CancellationToken.None);
        Assert.Equal(3L, store.ReadsAfter[^1]);
    }

    [Fact]
    public async Task AGapOlderThanTheGrace_IsPassedOver_SoReadsStopRepeatingFromIt()
    {
        var store = new VisibleTrades();
        var realized = new RealizedPnlByDay();
        store.Show(Trade(1, 100m), Trade(3, 30m, created: Now));

        await realized.CatchUpAsync(store, Now, CancellationToken.None);
        await realized.CatchUpAsync(store, Now + RealizedPnlByDay.GapGrace - TimeSpan.FromSeconds(1), CancellationToken.None);
        await realized.CatchUpAsync(store, Now + RealizedPnlByDay.GapGrace, CancellationToken.None);
        await realized.CatchUpAsync(store, Now + RealizedPnlByDay.GapGrace + TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.Equal([0L, 1L, 1L, 3L], store.ReadsAfter);
        Assert.Equal(130m, realized.Days[Day]);
    }

    [Fact]
    public async Task AfterARestart_AnOldGap_IsPassedOverAtOnce_ByTheAgeOfTheRowAboveIt()
    {
        var store = new VisibleTrades();
        var realized = new RealizedPnlByDay();
        store.Show(Trade(1, 100m), Trade(3, 30m, created: Now.AddHours(-1)), Trade(4, 5m));

        await realized.CatchUpAsync(store, Now, CancellationToken.None);
        await realized.CatchUpAsync(store, Now.AddMinutes(1), CancellationToken.None);

        Assert.Equal([0L, 4L], store.ReadsAfter);
        Assert.Equal(135m, realized.Days[Day]);
    }

    private static TradeRecord Trade(long id, decimal pnl, DateTimeOffset? created = null) =>
        ClosedTrades.Trade(id, "SPY", StrategyType.CashSecuredPut, "2026-03-02", "2026-03-09", pnl, 50_000m, ExitReason.Manual) with { CreatedAt = created ?? Now };

    /// <summary>The committed trade rows a reader sees, recording after which id each read asked.</summary>
    private sealed class VisibleTrades : IPositionStore
    {
        private readonly List<TradeRecord> _rows = [];

        public List<long> ReadsAfter { get; } = [];

        public void Show(params TradeRecord[] rows) => _rows.AddRange(rows);

        public Task<IReadOnlyList<TradeRecord>> TradesAfterAsync(long afterTradeId, CancellationToken cancellationToken)
        {
            ReadsAfter.Add(afterTradeId);
            return Task.FromResult<IReadOnlyList<TradeRecord>>([.. _rows.Where(r => r.TradeId > afterTradeId).OrderBy(r => r.TradeId)]);
        }

        public Task<IReadOnlyList<TradeRecord>> HistoryAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Position?> FindAsync(long positionId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Position?> FindByRequestIdAsync(string requestId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<Position>> ListAsync(PositionStatusFilter status, string? ticker, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<DailyPnl>> DailyPnlAsync(DateOnly? date, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<PerformanceMetrics> PerformanceAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
