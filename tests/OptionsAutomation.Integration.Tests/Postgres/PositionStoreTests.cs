using Npgsql;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PositionStoreTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 15, 0, 0, TimeSpan.Zero);
    private readonly RealTimersClock _clock = new(Now);
    private TestDatabase _db = null!;

    private PositionManager Positions => _db.Positions(_clock);

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(server);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Open_WorkedExample_StoresTermsFromTheRules()
    {
        var opened = await Positions.OpenAsync(Csp("worked", "SPY", 580m, 1.50m));

        var stored = await Positions.FindAsync(opened.Position.PositionId);
        Assert.NotNull(stored);
        Assert.True(opened.Created);
        Assert.Equal(PositionStatus.Open, stored.Status);
        Assert.Equal(75.00m, stored.ProfitTarget);
        Assert.Equal(300.00m, stored.StopLoss);
        Assert.Equal(57850.00m, stored.MaxLoss);
        Assert.Equal(58000.00m, stored.Collateral);
        Assert.Equal("SPY   260320P00580000", Assert.Single(stored.Legs).Contract.OccSymbol);
        Assert.Equal(stored, await Positions.FindByRequestIdAsync("worked"));
        Assert.Equal(1, await _db.CountAsync("audit_events", $"event_type = 'position.opened' AND position_id = {stored.PositionId}"));
    }

    [Fact]
    public async Task Open_TwentyConcurrentCallsWithOneRequestId_WriteOneRow()
    {
        var calls = Enumerable.Range(0, 20).Select(_ => Task.Run(() => Positions.OpenAsync(Csp("same-request", "SPY", 580m, 1.50m))));

        var results = await Task.WhenAll(calls);

        Assert.Equal(1, await _db.CountAsync("positions"));
        Assert.Single(results, r => r.Created);
        Assert.Single(results.Select(r => r.Position.PositionId).Distinct());
        Assert.Equal(1, await _db.CountAsync("audit_events", "event_type = 'position.opened'"));
    }

    [Fact]
    public async Task Open_SecondCallWithSameRequestId_ReturnsFirstPositionAndWritesNothing()
    {
        var first = await Positions.OpenAsync(Csp("again", "SPY", 580m, 1.50m));
        _clock.SetUtcNow(Now.AddMinutes(5));

        var second = await Positions.OpenAsync(Csp("again", "QQQ", 480m, 9.99m));

        Assert.False(second.Created);
        Assert.Equal(first.Position, second.Position);
        Assert.Equal(1, await _db.CountAsync("positions"));
    }

    [Fact]
    public async Task Close_ComputesRealizedPnlFromStoredEntryIncludingFees()
    {
        var opened = await Positions.OpenAsync(Vpc("vpc", "SPY", 580m, 575m, 1.20m, quantity: 2, fees: 2.60m));

        var closed = await Positions.CloseAsync(opened.Position.PositionId, Exit(0.40m, Now.AddHours(-1)));

        var stored = await Positions.FindAsync(opened.Position.PositionId);
        Assert.Equal(157.40m, stored!.RealizedPnl);
        Assert.Equal(65.58m, stored.PnlPercent);
        Assert.Equal(PositionStatus.Closed, stored.Status);
        Assert.Equal(closed.Position, stored);
        var trade = Assert.Single(await Positions.HistoryAsync(null, null));
        Assert.Equal(closed.Trade, trade);
        Assert.Equal(TradeOutcome.Win, trade.WinLoss);
        Assert.Equal(ExecutedBy.Manual, trade.ExecutedBy);
        Assert.Equal(1, await _db.CountAsync("audit_events", "event_type = 'position.closed'"));
    }

    [Fact]
    public async Task Close_WhenHistoryInsertFails_LeavesNeitherWrite()
    {
        var opened = await Positions.OpenAsync(Csp("atomic", "QQQ", 480m, 2.00m));
        // A failure between the position update and the history insert, raised by the database itself.
        await _db.ExecuteAsync(
            """
            CREATE FUNCTION fail_history() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END; $$;
            CREATE TRIGGER fail_history BEFORE INSERT ON trade_history FOR EACH ROW EXECUTE FUNCTION fail_history();
            """);

        await Assert.ThrowsAsync<PostgresException>(() => Positions.CloseAsync(opened.Position.PositionId, Exit(1.00m, Now)));

        var stored = await Positions.FindAsync(opened.Position.PositionId);
        Assert.Equal(opened.Position, stored);
        Assert.Equal(0, await _db.CountAsync("trade_history"));
        Assert.Equal(0, await _db.CountAsync("audit_events", "event_type = 'position.closed'"));
    }

    [Fact]
    public async Task Close_Twice_WritesOneHistoryRowAndRefusesTheSecond()
    {
        var opened = await Positions.OpenAsync(Csp("twice", "SPY", 580m, 1.50m));
        await Positions.CloseAsync(opened.Position.PositionId, Exit(0.75m, Now));

        var error = await Assert.ThrowsAsync<PositionNotOpenException>(() => Positions.CloseAsync(opened.Position.PositionId, Exit(0.10m, Now)));

        Assert.Equal(PositionStatus.Closed, error.Status);
        Assert.Equal(1, await _db.CountAsync("trade_history"));
        Assert.Equal(75.00m, (await Positions.FindAsync(opened.Position.PositionId))!.RealizedPnl);
    }

    [Fact]
    public async Task Close_TenConcurrentCalls_OneSucceedsOthersRefused()
    {
        var opened = await Positions.OpenAsync(Csp("race", "SPY", 580m, 1.50m));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
        {
            try
            {
                await Positions.CloseAsync(opened.Position.PositionId, Exit(0.50m + (i * 0.01m), Now));
                return "closed";
            }
            catch (PositionNotOpenException)
            {
                return "refused";
            }
        })));

        Assert.Equal(1, outcomes.Count(o => o == "closed"));
        Assert.Equal(9, outcomes.Count(o => o == "refused"));
        Assert.Equal(1, await _db.CountAsync("trade_history"));
    }

    [Fact]
    public async Task Close_UnknownPosition_Refuses()
    {
        await Assert.ThrowsAsync<PositionNotFoundException>(() => Positions.CloseAsync(424242, Exit(1m, Now)));
    }

    [Fact]
    public async Task List_FiltersByStatusAndTicker()
    {
        var spy = await Positions.OpenAsync(Csp("l1", "SPY", 580m, 1.50m));
        await Positions.OpenAsync(Csp("l2", "QQQ", 480m, 2.00m));
        var closed = await Positions.OpenAsync(Csp("l3", "SPY", 570m, 1.00m));
        await Positions.CloseAsync(closed.Position.PositionId, Exit(0.50m, Now));

        Assert.Equal([spy.Position.PositionId], (await Positions.OpenPositionsAsync("spy")).Select(p => p.PositionId));
        Assert.Equal(2, (await Positions.ListAsync(PositionStatusFilter.Open, null)).Count);
        Assert.Equal([closed.Position.PositionId], (await Positions.ListAsync(PositionStatusFilter.Closed, null)).Select(p => p.PositionId));
        Assert.Equal(3, (await Positions.ListAsync(PositionStatusFilter.All, null)).Count);
    }

    private static OpenPositionRequest Csp(string requestId, string ticker, decimal strike, decimal credit, decimal fees = 0m) => new()
    {
        RequestId = requestId,
        Strategy = StrategyType.CashSecuredPut,
        Ticker = ticker,
        Expiration = new DateOnly(2026, 3, 20),
        ShortStrike = strike,
        Credit = credit,
        Quantity = 1,
        Fees = fees,
        OpenedAt = new DateTimeOffset(2026, 2, 2, 15, 0, 0, TimeSpan.Zero),
        Actor = "test",
    };

    private static OpenPositionRequest Vpc(string requestId, string ticker, decimal shortStrike, decimal longStrike, decimal credit, int quantity, decimal fees) =>
        Csp(requestId, ticker, shortStrike, credit, fees) with
        {
            Strategy = StrategyType.VerticalPutCredit,
            LongStrike = longStrike,
            Quantity = quantity,
        };

    private static PositionExit Exit(decimal price, DateTimeOffset at, ExitReason reason = ExitReason.Manual) =>
        new(price, reason, at, ExecutedBy.Manual, "test");
}
