using OptionsAutomation.Core.Analytics;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Pricing;
using OptionsAutomation.Core.Risk.Portfolio;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Brokers;
using OptionsAutomation.Infrastructure.Json;
using OptionsAutomation.Infrastructure.Risk;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Risk;

/// <summary>
/// The risk job's memory on real Postgres: after its first check it reads no past session's close again that day and
/// only the trade rows added since, yet its report is the one a fresh read of everything gives; a new monitor (a
/// restart) rebuilds from the database once.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RiskMemoryTests(PostgresServer server) : IAsyncLifetime
{
    // Wednesday 2026-03-11, 10:35 New York (EDT).
    private static readonly DateTimeOffset Tick = new(2026, 3, 11, 14, 35, 0, TimeSpan.Zero);
    private readonly RealTimersClock _clock = new(Tick);
    private TestDatabase _db = null!;
    private RiskMonitorHarness _h = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(server);
        _h = new RiskMonitorHarness(_db, _clock);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task TheNextCheck_ReadsOnlyTheNewTradeRow_AndNoPastClose_YetReportsAsAFreshRead()
    {
        await _h.OpenSpyPutAsync();
        await CloseATradeAsync("closed-1", -150m);
        var (store, quotes) = (new CountingStore(_db.Store(_clock)), new CountingQuotes(_h.Quotes));
        using var monitor = Monitor(store, quotes);

        await monitor.CheckAsync(Tick, CancellationToken.None);
        Assert.Equal([(0L, 1)], store.TradeReads);
        Assert.True(quotes.PastCloses > 0);

        _clock.SetUtcNow(Tick.AddMinutes(1));
        var closed = await CloseATradeAsync("closed-2", 80m);
        (store.TradeReads, quotes.PastCloses) = ([], 0);
        var second = await monitor.CheckAsync(Tick.AddMinutes(1), CancellationToken.None);

        // Only the row above the first one's id, and no close of a past session.
        var firstId = await _db.ScalarAsync<long>("SELECT min(trade_id) FROM trade_history");
        Assert.Equal([(firstId, 1)], store.TradeReads);
        Assert.Equal(0, store.FullHistoryReads);
        Assert.Equal(0, quotes.PastCloses);
        Assert.True(closed.RealizedPnl > 0);
        // The same figures as reading everything again: the new trade is in today's realized P&L and the equity curve.
        var fresh = await Service(_db.Store(_clock), _h.Quotes).ReportAsync(Tick.AddMinutes(1), CancellationToken.None);
        Assert.Equal(DomainJson.Serialize(fresh), DomainJson.Serialize(second.Report));

        // A restart: a new monitor reads the whole table once, and agrees.
        _clock.SetUtcNow(Tick.AddMinutes(2));
        var restartedStore = new CountingStore(_db.Store(_clock));
        using var restarted = Monitor(restartedStore, _h.Quotes);
        var third = await restarted.CheckAsync(Tick.AddMinutes(2), CancellationToken.None);
        Assert.Equal([(0L, 2)], restartedStore.TradeReads);
        var freshAgain = await Service(_db.Store(_clock), _h.Quotes).ReportAsync(Tick.AddMinutes(2), CancellationToken.None);
        Assert.Equal(DomainJson.Serialize(freshAgain), DomainJson.Serialize(third.Report));
    }

    private RiskMonitor Monitor(IPositionStore store, IMarketData quotes) =>
        new(Service(store, quotes), new PostgresRiskMonitorStore(_db.DataSource), _h.Controls(), new PortfolioRiskSettings());

    private PortfolioRiskService Service(IPositionStore store, IMarketData quotes)
    {
        var (settings, pricing) = (new PortfolioRiskSettings(), new PricingSettings());
        return new PortfolioRiskService(store, quotes, new PaperAccount(_db.DataSource, new PaperBrokerSettings()), new NyseCalendar(),
            pricing, settings, new PortfolioRiskAnalyzer(settings, _h.Gate, pricing), new PostgresRiskHistory(_db.DataSource));
    }

    /// <summary>A QQQ put opened yesterday and closed now at a P&amp;L of <paramref name="pnl"/> before fees (credit 2.00).</summary>
    private async Task<Position> CloseATradeAsync(string requestId, decimal pnl)
    {
        var now = _clock.GetUtcNow();
        var positions = _db.Positions(_clock);
        var opened = await positions.OpenAsync(new OpenPositionRequest
        {
            RequestId = requestId,
            Strategy = StrategyType.CashSecuredPut,
            Ticker = "QQQ",
            Expiration = MarketTime.DateOf(now).AddDays(30),
            ShortStrike = 480m,
            Credit = 2.00m,
            Quantity = 1,
            OpenedAt = now.AddDays(-1),
            Actor = "test",
        });
        var exit = new PositionExit(2.00m - (pnl / 100m), ExitReason.Manual, now, ExecutedBy.Manual, "test", 0m);
        return (await positions.CloseAsync(opened.Position.PositionId, exit)).Position;
    }

    /// <summary>The Postgres store, counting the trade reads: (after which id, rows answered) per incremental read, and full reads.</summary>
    private sealed class CountingStore(IPositionStore store) : IPositionStore
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

    /// <summary>The scripted quotes, counting the asks for an underlying's close of an earlier session (16:00 New York before today).</summary>
    private sealed class CountingQuotes(IMarketData quotes) : IMarketData
    {
        public int PastCloses { get; set; }

        public ValueTask<UnderlyingQuote?> GetUnderlyingQuoteAsync(string symbol, DateTimeOffset asOf, CancellationToken cancellationToken)
        {
            PastCloses += MarketTime.DateOf(asOf) < MarketTime.DateOf(Tick) ? 1 : 0;
            return quotes.GetUnderlyingQuoteAsync(symbol, asOf, cancellationToken);
        }

        public ValueTask<OptionQuote?> GetOptionQuoteAsync(OptionContract contract, DateTimeOffset asOf, CancellationToken cancellationToken) =>
            quotes.GetOptionQuoteAsync(contract, asOf, cancellationToken);

        public ValueTask<OptionChain?> GetChainAsync(string underlying, DateTimeOffset asOf, CancellationToken cancellationToken) =>
            quotes.GetChainAsync(underlying, asOf, cancellationToken);
    }
}
