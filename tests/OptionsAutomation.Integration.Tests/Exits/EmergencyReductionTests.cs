using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Exits;

/// <summary>
/// The emergency reduction (close-all, /flatten) through the real services on Postgres and the paper broker: the state
/// moves to REDUCING, every matching open option position gets one closing order, and a second run — after or at the
/// same time — sends none for a position already closing or closed.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class EmergencyReductionTests(PostgresServer server) : IAsyncLifetime
{
    // Friday 2026-02-27, 10:35 New York.
    private static readonly DateTimeOffset TenThirtyFive = new(2026, 2, 27, 15, 35, 0, TimeSpan.Zero);
    private static readonly DateOnly April17 = new(2026, 4, 17);
    private static readonly DateTimeOffset OpenedAt = new(2026, 2, 20, 14, 17, 0, TimeSpan.Zero);
    private static readonly ReductionScope Spy = ReductionScope.Of("spy", null);
    private readonly RealTimersClock _clock = new(TenThirtyFive);
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(server);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task CloseAllSpy_ClosesTheThreeSpyPuts_MovesToReducing_LeavesQqq_AndASecondRunSendsNothing()
    {
        RecordingBroker? broker = null;
        var h = new ExitHarness(_db, _clock, wrap: inner => broker = new RecordingBroker(inner));
        var (spy, qqq) = await OpenBookAsync(h);
        var reduction = h.Reduction();

        var preview = await reduction.PreviewAsync(Spy, CancellationToken.None);

        Assert.Equal(spy.Select(p => p.PositionId), preview.Select(p => p.PositionId));
        Assert.Equal(TradingState.Active, (await h.Controls.GetAsync(CancellationToken.None)).State);
        Assert.Empty(broker!.Placed);

        var run = await reduction.RunAsync(Spy, "alice", CancellationToken.None);

        // Bought back at the ask less the penny of improvement: (1.50 − 1.19), (1.20 − 0.99), (0.60 − 0.79) per share × 100.
        Assert.Equal((TradingState.Reducing, true, "SPY"), (run.TradingState, run.StateChanged, run.Ticker));
        Assert.Equal(
            [
                (spy[0].PositionId, ReductionOutcome.Closed, "exit 1.19, realized +$31.00", (decimal?)31.00m),
                (spy[1].PositionId, ReductionOutcome.Closed, "exit 0.99, realized +$21.00", 21.00m),
                (spy[2].PositionId, ReductionOutcome.Closed, "exit 0.79, realized -$19.00", -19.00m),
            ],
            run.Positions.Select(p => (p.PositionId, p.Outcome, p.Detail, p.RealizedPnl)));
        Assert.False(run.LeftOpen);
        Assert.Equal(3, broker.Placed.Count);
        Assert.Equal(3, await _db.CountAsync("orders", "intent = 'CLOSE' AND status = 'FILLED' AND reason = 'manual'"));
        Assert.Equal(3, await _db.CountAsync("trade_history", "ticker = 'SPY' AND exit_reason = 'manual' AND executed_by = 'manual'"));
        Assert.Equal(3, await _db.CountAsync("audit_events", "event_type = 'order.submitted' AND actor = 'alice'"));
        Assert.Equal(1, await _db.CountAsync("audit_events",
            "event_type = 'trading.state_changed' AND actor = 'alice' AND data->>'reason' = 'emergency reduction: close-all SPY'"));
        Assert.Equal(PositionStatus.Open, (await h.Positions.FindAsync(qqq.PositionId))!.Status);
        Assert.Equal(0, await _db.CountAsync("orders", $"position_id = {qqq.PositionId}"));

        var again = await reduction.RunAsync(Spy, "alice", CancellationToken.None);

        // Nothing of SPY is open any more: nothing to close, nothing sent, the state left as it was.
        Assert.Equal((TradingState.Reducing, false), (again.TradingState, again.StateChanged));
        Assert.Empty(again.Positions);
        Assert.Equal(3, broker.Placed.Count);
        Assert.Equal(3, await _db.CountAsync("orders"));
        Assert.Equal(1, await _db.CountAsync("audit_events", "event_type = 'trading.state_changed'"));
    }

    [Fact]
    public async Task ASecondRun_WhileTheFirstWaitsForItsOrder_ReportsItAlreadyClosing_AndSendsNoSecondOrder()
    {
        HoldingBroker? holding = null;
        RecordingBroker? broker = null;
        var h = new ExitHarness(_db, _clock, wrap: inner => broker = new RecordingBroker(holding = new HoldingBroker(inner)));
        var (spy, _) = await OpenBookAsync(h);
        var reduction = h.Reduction();

        var first = Task.Run(() => reduction.RunAsync(Spy, "alice", CancellationToken.None));
        await holding!.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var second = await reduction.RunAsync(Spy, "bob", CancellationToken.None);
        holding.Release.SetResult();
        var firstDone = await first.WaitAsync(TimeSpan.FromSeconds(30));

        // The first run's order for the first position is at work: the second sends none for it and closes the others,
        // which the first then finds closed.
        Assert.Equal([ReductionOutcome.AlreadyClosing, ReductionOutcome.Closed, ReductionOutcome.Closed], second.Positions.Select(p => p.Outcome));
        Assert.StartsWith("IN_PROGRESS:", second.Positions[0].Detail, StringComparison.Ordinal);
        Assert.Null(second.Positions[0].RealizedPnl);
        Assert.Equal([ReductionOutcome.Closed, ReductionOutcome.NotOpen, ReductionOutcome.NotOpen], firstDone.Positions.Select(p => p.Outcome));
        Assert.Equal($"position {spy[1].PositionId} is CLOSED, not OPEN; nothing was changed.", firstDone.Positions[1].Detail);
        Assert.Equal(3, broker!.Placed.Count);
        await AssertOneOrderAndTradeEachAsync(spy);
    }

    [Fact]
    public async Task TwoRunsAtOnce_SendOneOrderPerPosition()
    {
        RecordingBroker? broker = null;
        var h = new ExitHarness(_db, _clock, wrap: inner => broker = new RecordingBroker(inner));
        var (spy, _) = await OpenBookAsync(h);
        var reduction = h.Reduction();

        var runs = await Task.WhenAll(
            Task.Run(() => reduction.RunAsync(Spy, "alice", CancellationToken.None)),
            Task.Run(() => reduction.RunAsync(Spy, "bob", CancellationToken.None)));

        Assert.Equal(3, broker!.Placed.Count);
        Assert.Equal(1, runs.Count(r => r.StateChanged));
        foreach (var position in spy)
        {
            var outcomes = runs.Select(r => Assert.Single(r.Positions, p => p.PositionId == position.PositionId).Outcome).Order().ToList();
            Assert.Equal(ReductionOutcome.Closed, outcomes[0]);
            Assert.Contains(outcomes[1], (ReductionOutcome[])[ReductionOutcome.AlreadyClosing, ReductionOutcome.NotOpen]);
        }

        await AssertOneOrderAndTradeEachAsync(spy);
    }

    [Fact]
    public async Task Halted_IsNeverLoosened_AndNothingIsSent()
    {
        RecordingBroker? broker = null;
        var h = new ExitHarness(_db, _clock, wrap: inner => broker = new RecordingBroker(inner));
        await OpenBookAsync(h);
        await h.Controls.SetStateAsync(TradingState.Halted, "test", "test", TenThirtyFive, CancellationToken.None);
        var reduction = h.Reduction();

        var preview = await Assert.ThrowsAsync<TradingHaltedException>(() => reduction.PreviewAsync(Spy, CancellationToken.None));
        var run = await Assert.ThrowsAsync<TradingHaltedException>(() => reduction.RunAsync(Spy, "alice", CancellationToken.None));

        Assert.Equal(preview.Message, run.Message);
        Assert.StartsWith("TRADING_HALTED:", run.Message, StringComparison.Ordinal);
        Assert.Equal(TradingState.Halted, (await h.Controls.GetAsync(CancellationToken.None)).State);
        Assert.Empty(broker!.Placed);
        Assert.Equal(0, await _db.CountAsync("orders"));
        Assert.Equal(1, await _db.CountAsync("audit_events", "event_type = 'trading.state_changed'"));
    }

    [Fact]
    public async Task OutsideASession_TheStateStillTightens_AndEachPositionIsReportedMarketClosed()
    {
        // Saturday 2026-02-28: no session.
        _clock.SetUtcNow(new DateTimeOffset(2026, 2, 28, 15, 35, 0, TimeSpan.Zero));
        var h = new ExitHarness(_db, _clock);
        var (spy, _) = await OpenBookAsync(h);

        var run = await h.Reduction().RunAsync(Spy, "alice", CancellationToken.None);

        Assert.Equal(TradingState.Reducing, run.TradingState);
        Assert.All(run.Positions, p => Assert.Equal(ReductionOutcome.MarketClosed, p.Outcome));
        Assert.Equal(spy.Select(p => p.PositionId), run.Positions.Select(p => p.PositionId));
        Assert.True(run.LeftOpen);
        Assert.Equal(0, await _db.CountAsync("orders"));
    }

    [Fact]
    public async Task AnOrderTheBrokerRejects_IsReportedFailedWithTheReason_AndTheOthersStillClose()
    {
        var h = new ExitHarness(_db, _clock);
        var (spy, _) = await OpenBookAsync(h);
        var unquoted = (await h.OpenCspAsync("spy-unquoted", 560m, 0.50m, April17, OpenedAt)).Position;

        var run = await h.Reduction().RunAsync(ReductionScope.Of("SPY", Core.Instruments.StrategyType.CashSecuredPut), "alice", CancellationToken.None);

        Assert.Equal([.. spy.Select(p => p.PositionId), unquoted.PositionId], run.Positions.Select(p => p.PositionId));
        var failed = run.Positions[^1];
        Assert.Equal((ReductionOutcome.Failed, (decimal?)null), (failed.Outcome, failed.RealizedPnl));
        Assert.Contains("quote", failed.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.True(run.LeftOpen);
        Assert.Equal(3, run.Positions.Count(p => p.Outcome == ReductionOutcome.Closed));
        Assert.Equal(PositionStatus.Open, (await h.Positions.FindAsync(unquoted.PositionId))!.Status);
    }

    /// <summary>Three one-contract SPY CSPs and one QQQ CSP, each leg quoted a minute ago.</summary>
    private async Task<(IReadOnlyList<Position> Spy, Position Qqq)> OpenBookAsync(ExitHarness h)
    {
        var quoted = TenThirtyFive.AddMinutes(-1);
        var spy = new List<Position>();
        foreach (var (strike, credit, bid, ask) in new[] { (580m, 1.50m, 1.10m, 1.20m), (575m, 1.20m, 0.90m, 1.00m), (570m, 0.60m, 0.70m, 0.80m) })
        {
            var position = (await h.OpenCspAsync($"spy-{strike}", strike, credit, April17, OpenedAt)).Position;
            h.QuoteShortPut(position, bid, ask, quoted);
            spy.Add(position);
        }

        var qqq = (await h.OpenCspAsync("qqq-500", 500m, 1.50m, April17, OpenedAt, ticker: "QQQ")).Position;
        h.QuoteShortPut(qqq, 1.00m, 1.10m, quoted);
        return (spy, qqq);
    }

    private async Task AssertOneOrderAndTradeEachAsync(IEnumerable<Position> positions)
    {
        foreach (var position in positions)
        {
            Assert.Equal(1, await _db.CountAsync("orders", $"position_id = {position.PositionId}"));
            Assert.Equal(1, await _db.CountAsync("trade_history", $"position_id = {position.PositionId}"));
        }
    }

    /// <summary>Holds the first placement until released, so a test can act while a closing order is at work.</summary>
    private sealed class HoldingBroker(IBroker inner) : IBroker
    {
        private int _placements;

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<OrderState> PlaceAsync(OrderTicket ticket, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _placements) == 1)
            {
                Entered.SetResult();
                await Release.Task.WaitAsync(cancellationToken);
            }

            return await inner.PlaceAsync(ticket, cancellationToken);
        }

        public Task<OrderState?> GetOrderAsync(string clientOrderId, CancellationToken cancellationToken) => inner.GetOrderAsync(clientOrderId, cancellationToken);

        public Task<OrderState?> CancelAsync(string clientOrderId, CancellationToken cancellationToken) => inner.CancelAsync(clientOrderId, cancellationToken);

        public Task<OrderState?> ReplaceAsync(string clientOrderId, decimal limitPrice, CancellationToken cancellationToken) => inner.ReplaceAsync(clientOrderId, limitPrice, cancellationToken);

        public Task<IReadOnlyList<LegFill>> GetFillsAsync(string clientOrderId, CancellationToken cancellationToken) => inner.GetFillsAsync(clientOrderId, cancellationToken);

        public Task<IReadOnlyList<BrokerPosition>> GetPositionsAsync(CancellationToken cancellationToken) => inner.GetPositionsAsync(cancellationToken);

        public Task<BrokerAccount> GetAccountAsync(CancellationToken cancellationToken) => inner.GetAccountAsync(cancellationToken);
    }
}
