using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Tests.Support;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Core.Trading.Journal;

namespace OptionsAutomation.Core.Tests;

public sealed class PositionManagerTests
{
    private readonly InMemoryPositionStore _store = new();
    private readonly InMemoryTradingJournal _journal;
    private readonly FakeTimeProvider _clock = new(TestDates.Now);
    private readonly PositionManager _manager;

    public PositionManagerTests()
    {
        _journal = new InMemoryTradingJournal(_store);
        _manager = new PositionManager(_store, _journal, new ExitRuleSettings(), _clock);
    }

    [Fact]
    public async Task Open_CommitsPositionOpened_OnlyForTheCallThatCreatedIt()
    {
        var request = PositionBuilder.Vpc(credit: 2.00m).Request();

        var first = await _manager.OpenAsync(request);
        await _manager.OpenAsync(request);

        Assert.Equal(new PositionOpened(first.Position, first.Warnings, "test"), Assert.Single(_journal.Committed));
    }

    [Fact]
    public async Task Close_ByHand_CommitsTheCloseAndCountsTheRoundTripForTheBreaker()
    {
        var opened = await _manager.OpenAsync(PositionBuilder.Csp().Request());

        var closed = await _manager.CloseAsync(opened.Position.PositionId, TestExits.At(2.00m, ExitReason.StopLoss));

        Assert.Equal([new PositionClosed(closed, "test"), new CloseCounted(TradeOutcome.Loss, closed.Trade.ClosedAt)], _journal.Committed.Skip(1));
    }

    [Fact]
    public async Task Open_NewRequest_CreatesPositionWithTerms()
    {
        var opened = await _manager.OpenAsync(PositionBuilder.Csp().Request());

        Assert.True(opened.Created);
        Assert.Empty(opened.Warnings);
        Assert.Equal(PositionStatus.Open, opened.Position.Status);
        Assert.Equal(75.00m, opened.Position.ProfitTarget);
        Assert.Equal(300.00m, opened.Position.StopLoss);
    }

    [Fact]
    public async Task Open_CappedVpc_ReturnsWarningOnlyWhenCreated()
    {
        var request = PositionBuilder.Vpc(credit: 2.00m).Request();

        var first = await _manager.OpenAsync(request);
        var second = await _manager.OpenAsync(request);

        Assert.True(first.Created);
        Assert.Single(first.Warnings);
        Assert.False(second.Created);
        Assert.Empty(second.Warnings);
        Assert.Equal(first.Position.PositionId, second.Position.PositionId);
    }

    [Fact]
    public async Task Open_WithoutOpenedAt_UsesTheClock()
    {
        var opened = await _manager.OpenAsync(PositionBuilder.Csp().OpenedAt(null).Request());

        Assert.Equal(TestDates.Now, opened.Position.EntryDate);
    }

    [Fact]
    public async Task Open_InvalidRequest_RefusesAndStoresNothing()
    {
        await Assert.ThrowsAsync<PositionRuleException>(() => _manager.OpenAsync(PositionBuilder.Csp().WithQuantity(0).Request()));

        Assert.Empty(await _manager.ListAsync(PositionStatusFilter.All, null));
    }

    [Fact]
    public async Task Close_UsesTheClockAndStoresTheTrade()
    {
        var opened = await _manager.OpenAsync(PositionBuilder.Csp().Request());

        var (closed, trade) = await _manager.CloseAsync(opened.Position.PositionId, TestExits.At(0.75m, ExitReason.ProfitTarget));

        Assert.Equal(75.00m, closed.RealizedPnl);
        Assert.Equal(TestDates.Now, closed.LastUpdated);
        Assert.Equal(TestDates.Now, trade.CreatedAt);
        Assert.Equal("test", _store.LastCloseActor);
        Assert.Equal(trade, Assert.Single(_store.Trades));
    }

    [Fact]
    public async Task Close_WhenAlreadyClosed_Refuses()
    {
        var opened = await _manager.OpenAsync(PositionBuilder.Csp().Request());
        var id = opened.Position.PositionId;
        await _manager.CloseAsync(id, TestExits.At(0.75m));

        await Assert.ThrowsAsync<PositionNotOpenException>(() => _manager.CloseAsync(id, TestExits.At(0.10m)));
        Assert.Single(_store.Trades);
    }

    [Fact]
    public async Task Close_InFutureOfClock_Refuses()
    {
        var opened = await _manager.OpenAsync(PositionBuilder.Csp().Request());

        await Assert.ThrowsAsync<PositionRuleException>(() =>
            _manager.CloseAsync(opened.Position.PositionId, TestExits.At(0.75m, closedAt: TestDates.Now.AddMinutes(1))));
    }

    [Fact]
    public async Task OpenPositions_NormalisesTickerFilter()
    {
        await _manager.OpenAsync(PositionBuilder.Csp("SPY").WithRequestId("a").Request());
        await _manager.OpenAsync(PositionBuilder.Csp("QQQ", 480m, 2m).WithRequestId("b").Request());

        var spy = await _manager.OpenPositionsAsync(" spy ");

        Assert.Equal("SPY", Assert.Single(spy).Ticker);
    }
}
