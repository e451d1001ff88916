using OptionsAutomation.Core;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Postgres;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Exits;

/// <summary>
/// The closing path where money was lost before: concurrent closes, partial closes, HALTED, and orders whose outcome
/// was lost — against Postgres and a broker that counts what reached it.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CloseSafetyTests(PostgresServer server) : IAsyncLifetime
{
    // Friday 2026-02-27, 10:35 New York.
    private static readonly DateTimeOffset TenThirtyFive = new(2026, 2, 27, 15, 35, 0, TimeSpan.Zero);
    private static readonly DateOnly April17 = new(2026, 4, 17);
    private static readonly DateOnly March13 = new(2026, 3, 13);
    private static readonly DateTimeOffset OpenedAt = new(2026, 2, 20, 14, 17, 0, TimeSpan.Zero);
    private readonly RealTimersClock _clock = new(TenThirtyFive);
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(server);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task TwentyConcurrentManualCloses_SendOneOrder_BookOneTrade_AndTellTheOthersWhy()
    {
        RecordingBroker? broker = null;
        var h = new ExitHarness(_db, _clock, wrap: inner => broker = new RecordingBroker(inner));
        var position = (await h.OpenCspAsync("burst", 580m, 1.50m, April17, OpenedAt)).Position;
        h.QuoteShortPut(position, 1.10m, 1.20m, TenThirtyFive.AddMinutes(-1));

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            try
            {
                return (await h.Exits.CloseManuallyAsync(position.PositionId, $"caller-{i}", CancellationToken.None)).Closed is null ? "not closed" : "closed";
            }
            catch (TradingRuleException e)
            {
                return e switch
                {
                    OrderInProgressException => "in progress",
                    PositionNotOpenException => "already closed",
                    _ => e.Message,
                };
            }
        })));

        Assert.Single(broker!.Placed);
        Assert.Equal(1, results.Count(r => r == "closed"));
        Assert.All(results, r => Assert.Contains(r, (string[])["closed", "in progress", "already closed"]));
        Assert.Equal(1, await _db.CountAsync("orders"));
        Assert.Equal(1, await _db.CountAsync("orders", "status = 'FILLED'"));
        Assert.Equal(1, await _db.CountAsync("trade_history", $"position_id = {position.PositionId}"));
    }

    [Fact]
    public async Task FiveConcurrentExitRuns_OnAPositionDueToExit_SendOneOrder()
    {
        RecordingBroker? broker = null;
        var h = new ExitHarness(_db, _clock, wrap: inner => broker = new RecordingBroker(inner));
        var position = (await h.OpenCspAsync("due", 580m, 1.50m, March13, OpenedAt)).Position;
        h.QuoteShortPut(position, 1.10m, 1.20m, TenThirtyFive.AddMinutes(-1));

        var runs = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => h.Exits.RunAsync(TenThirtyFive, true, CancellationToken.None))));

        Assert.Single(broker!.Placed);
        Assert.Equal(1, runs.Sum(r => r.Count(c => c.Closed is not null)));
        Assert.Equal(1, await _db.CountAsync("orders"));
        Assert.Equal(1, await _db.CountAsync("trade_history"));
    }

    [Fact]
    public async Task PartialClose_BooksTheFilledContracts_AndTheNextCloseSendsOnlyTheRest()
    {
        var broker = new PartialThenFullBroker();
        var h = new ExitHarness(_db, _clock, broker: broker);
        var position = (await h.OpenCspAsync("partial", 580m, 1.50m, April17, OpenedAt, quantity: 5)).Position;
        h.QuoteShortPut(position, 0.70m, 0.80m, TenThirtyFive.AddMinutes(-1));

        var first = await h.Exits.CloseManuallyAsync(position.PositionId, "alice", CancellationToken.None);

        // 2 of 5 at 0.75 with 1.30 of fees: (1.50 − 0.75) × 100 × 2 − 1.30 = 148.70, 49.57% of the 300 they could make.
        Assert.NotNull(first.Closed);
        Assert.True(first.Closed.IsPartial);
        Assert.Equal((2, 0.75m, 148.70m, 49.57m, 1.30m), (first.Closed.Trade.Quantity, first.Closed.Trade.ExitPrice, first.Closed.Trade.PnlRealized, first.Closed.Trade.PnlPercent, first.Closed.Trade.Fees));
        var rest = (await h.Positions.FindAsync(position.PositionId))!;
        Assert.Equal((PositionStatus.Open, 3, 2, 148.70m), (rest.Status, rest.Quantity, rest.ClosedQuantity, rest.RealizedPnl));
        Assert.Equal(1, await _db.CountAsync("orders", "status = 'CANCELLED' AND quantity = 5 AND filled_quantity = 2 AND fees = 1.30"));
        Assert.Equal(1, await _db.CountAsync("fills", $"position_id = {position.PositionId} AND quantity = 2 AND fees = 1.30 AND client_order_id IS NOT NULL"));
        Assert.Equal(1, await _db.CountAsync("audit_events", "event_type = 'position.reduced'"));
        // A mark computed for the 5 contracts before the partial close lands after it: it is dropped, not applied to the 3 left.
        var stale = Core.Marks.MarkUpdate.For(position, new Core.Marks.PositionMark(9.00m, TenThirtyFive, Core.Marks.MarkQuality.Fresh, null, []), null);
        await new PostgresMarkLedger(_db.DataSource).RecordMarksAsync([new MarkRecord(stale, null)], null, TenThirtyFive, CancellationToken.None);
        Assert.NotEqual(9.00m, (await h.Positions.FindAsync(position.PositionId))!.MarkPrice);

        var second = await h.Exits.CloseManuallyAsync(position.PositionId, "alice", CancellationToken.None);

        // The rest, 3 at 1.00 with 1.95: 0.50 × 300 − 1.95 = 148.05; 296.75 in all.
        Assert.Equal(3, broker.Quantities[1]);
        Assert.Equal((3, 148.05m), (second.Closed!.Trade.Quantity, second.Closed.Trade.PnlRealized));
        var closed = (await h.Positions.FindAsync(position.PositionId))!;
        Assert.Equal((PositionStatus.Closed, 296.75m), (closed.Status, closed.RealizedPnl));
        Assert.Equal(2, await _db.CountAsync("trade_history", $"position_id = {position.PositionId}"));
        Assert.Equal(296.75m, (await h.Positions.HistoryAsync(null, null)).Sum(t => t.PnlRealized));
    }

    [Fact]
    public async Task Halted_SendsNoExit_AlertsOncePerDay_RefusesManualCloses_AndReducingLetsTheExitOut()
    {
        RecordingBroker? broker = null;
        var h = new ExitHarness(_db, _clock, wrap: inner => broker = new RecordingBroker(inner));
        var position = (await h.OpenCspAsync("halted", 580m, 1.50m, March13, OpenedAt)).Position;
        h.QuoteShortPut(position, 1.10m, 1.20m, TenThirtyFive.AddMinutes(-1));
        await h.Controls.SetStateAsync(TradingState.Halted, "test", "test", TenThirtyFive, CancellationToken.None);

        var first = await h.RunOneAsync();
        var second = await h.RunOneAsync();
        var manual = await Assert.ThrowsAsync<TradingHaltedException>(() => h.Exits.CloseManuallyAsync(position.PositionId, "alice", CancellationToken.None));

        Assert.Equal(ExitReason.DaysToExpiry, first.Decision.Reason);
        Assert.Equal("not sent: TRADING_HALTED: state=HALTED", first.OrderError);
        Assert.Equal(first.OrderError, second.OrderError);
        Assert.StartsWith("TRADING_HALTED:", manual.Message, StringComparison.Ordinal);
        Assert.Empty(broker!.Placed);
        Assert.Equal(0, await _db.CountAsync("orders"));
        Assert.Equal(1, await _db.CountAsync("outbox", $"payload->>'kind' = 'exit_blocked' AND dedup_key = 'exit-blocked:{position.PositionId}:2026-02-27'"));

        await h.Controls.SetStateAsync(TradingState.Reducing, "test", "test", TenThirtyFive, CancellationToken.None);
        var reducing = await h.RunOneAsync();

        Assert.NotNull(reducing.Closed);
        Assert.Single(broker.Placed);
    }

    [Fact]
    public async Task AnswerLost_LeavesTheOrderUnknown_TheNextTickSendsNothing_AndRecoveryBooksTheFill()
    {
        RecordingBroker? broker = null;
        var h = new ExitHarness(_db, _clock, wrap: inner => broker = new RecordingBroker(inner) { Crash = CrashPoint.None });
        var position = (await h.OpenCspAsync("lost", 580m, 1.50m, March13, OpenedAt)).Position;
        h.QuoteShortPut(position, 1.10m, 1.20m, TenThirtyFive.AddMinutes(-1));
        broker!.Crash = CrashPoint.AfterPlace;

        await Assert.ThrowsAsync<SimulatedCrashException>(() => h.RunOneAsync());
        // The killed process wrote nothing after its PENDING order; the order filled at the broker.
        Assert.Equal(1, await _db.CountAsync("orders", "status = 'PENDING'"));
        broker.Crash = CrashPoint.None;
        var tick = await h.RunOneAsync();

        Assert.StartsWith("IN_PROGRESS:", tick.OrderError, StringComparison.Ordinal);
        Assert.Single(broker.Placed);

        var working = Assert.Single(await new PostgresOrderRecords(_db.DataSource).ListWorkingAsync(CancellationToken.None));
        var resumed = await h.Restarted().ResumeCloseAsync(working, CancellationToken.None);

        Assert.NotNull(resumed!.Closed);
        Assert.Equal((ExitReason.DaysToExpiry, 1.19m), (resumed.Closed.Trade.ExitReason, resumed.Closed.Trade.ExitPrice));
        Assert.Equal(1, await _db.CountAsync("orders", $"client_order_id = '{working.ClientOrderId}' AND status = 'FILLED'"));
        Assert.Equal(1, await _db.CountAsync("trade_history"));
        Assert.Equal(1, await _db.CountAsync("fills"));
        Assert.Empty(await new PostgresOrderRecords(_db.DataSource).ListWorkingAsync(CancellationToken.None));
        Assert.Null(await h.Restarted().ResumeCloseAsync(working, CancellationToken.None));
    }

    [Fact]
    public async Task CrashBeforeTheBrokerCall_RecoveryRejectsTheOrder_SendsNothingLate_AndTheNextTickClosesAfresh()
    {
        RecordingBroker? broker = null;
        var h = new ExitHarness(_db, _clock, wrap: inner => broker = new RecordingBroker(inner));
        var position = (await h.OpenCspAsync("unsent", 580m, 1.50m, March13, OpenedAt)).Position;
        h.QuoteShortPut(position, 1.10m, 1.20m, TenThirtyFive.AddMinutes(-1));
        broker!.Crash = CrashPoint.BeforePlace;
        await Assert.ThrowsAsync<SimulatedCrashException>(() => h.RunOneAsync());
        broker.Crash = CrashPoint.None;
        var working = Assert.Single(await new PostgresOrderRecords(_db.DataSource).ListWorkingAsync(CancellationToken.None));

        // Too young to believe the broker's "never seen": a send may still be in flight.
        Assert.Null(await h.Restarted().ResumeCloseAsync(working, CancellationToken.None));
        _clock.SetUtcNow(TenThirtyFive.AddMinutes(2));
        var resumed = await h.Restarted().ResumeCloseAsync(working, CancellationToken.None);

        Assert.Null(resumed!.Closed);
        Assert.Equal("the broker never received it; not sent late", resumed.OrderError);
        Assert.Empty(broker.Placed);
        Assert.Equal(1, await _db.CountAsync("orders", $"client_order_id = '{working.ClientOrderId}' AND status = 'REJECTED'"));
        Assert.Equal(PositionStatus.Open, (await h.Positions.FindAsync(position.PositionId))!.Status);

        var next = await h.RunOneAsync();

        Assert.NotNull(next.Closed);
        Assert.Single(broker.Placed);
    }

    [Fact]
    public async Task Recovery_AnOrderThatCannotBeFinished_IsReportedAndAlerted_AndTheOthersAreStillRecovered()
    {
        RecordingBroker? broker = null;
        var h = new ExitHarness(_db, _clock, wrap: inner => broker = new RecordingBroker(inner));
        var broken = (await h.OpenCspAsync("broken", 580m, 1.50m, March13, OpenedAt)).Position;
        var unsent = (await h.OpenCspAsync("unsent", 570m, 1.50m, March13, OpenedAt)).Position;
        // The oldest working order claims a fill the broker has no record of: nothing can book it.
        await _db.ExecuteAsync($"""
            INSERT INTO orders (client_order_id, position_id, request_id, intent, reason, status, legs, quantity, filled_quantity, created_at, updated_at)
            VALUES ('close-broken', {broken.PositionId}, 'broken', 'CLOSE', '21dte', 'PARTIALLY_FILLED', '[]', 1, 1, '2026-02-27T15:00:00Z', '2026-02-27T15:00:00Z')
            """);
        h.QuoteShortPut(unsent, 1.10m, 1.20m, TenThirtyFive.AddMinutes(-1));
        broker!.Crash = CrashPoint.BeforePlace;
        await Assert.ThrowsAsync<SimulatedCrashException>(() => h.Exits.CloseManuallyAsync(unsent.PositionId, "alice", CancellationToken.None));
        _clock.SetUtcNow(TenThirtyFive.AddMinutes(2));
        var recovery = new OrderRecoveryService(new PostgresOrderRecords(_db.DataSource), new Proposals.ProposalHarness(_db, _clock, new RiskSettings()).Store(),
            new Proposals.ProposalHarness(_db, _clock, new RiskSettings()).Approvals(new Core.Proposals.ExecutionSettings()), h.Restarted(),
            Adjustments.RollHarness.Service(_db, _clock, h.Quotes, h.Paper, h.Execution, new Infrastructure.Brokers.PaperBrokerSettings()), h.Alerts, _clock);

        var lines = await recovery.RecoverAsync(CancellationToken.None);

        Assert.Equal(2, lines.Count);
        Assert.StartsWith("close-broken: not recovered (order close-broken: illegal transition PARTIALLY_FILLED (1 filled) → REJECTED (0 filled))", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(": the broker never received it; not sent late", lines[1], StringComparison.Ordinal);
        Assert.Equal(1, await _db.CountAsync("outbox", "payload->>'kind' = 'recovery_failed' AND dedup_key = 'recovery-failed:close-broken:2026-02-27'"));
        Assert.Equal(1, await _db.CountAsync("orders", $"position_id = {unsent.PositionId} AND status = 'REJECTED'"));
        Assert.Equal(1, await _db.CountAsync("orders", "client_order_id = 'close-broken' AND status = 'PARTIALLY_FILLED'"));
    }

    [Fact]
    public async Task Expiration_WaitsForAClosingOrderStillAtWork_AndSettlesOnceItIsFinal()
    {
        var expiry = new DateOnly(2026, 3, 20);
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 20, 19, 55, 0, TimeSpan.Zero));
        RecordingBroker? broker = null;
        var h = new ExitHarness(_db, _clock, wrap: inner => broker = new RecordingBroker(inner));
        var position = (await h.OpenCspAsync("expiring", 580m, 1.50m, expiry, OpenedAt)).Position;
        h.QuoteShortPut(position, 0.01m, 0.05m, _clock.GetUtcNow().AddMinutes(-1));
        broker!.Crash = CrashPoint.BeforePlace;
        await Assert.ThrowsAsync<SimulatedCrashException>(() => h.Exits.CloseManuallyAsync(position.PositionId, "alice", CancellationToken.None));
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 20, 20, 15, 0, TimeSpan.Zero));
        h.Quotes.Underlying("SPY", 600m, new DateTimeOffset(2026, 3, 20, 20, 0, 0, TimeSpan.Zero));

        var refused = Assert.Single(await h.Expirations.SettleAsync(expiry, CancellationToken.None));

        Assert.StartsWith("IN_PROGRESS: closing order close-", refused.Error, StringComparison.Ordinal);
        Assert.Equal(PositionStatus.Open, (await h.Positions.FindAsync(position.PositionId))!.Status);
        Assert.Equal(1, await _db.CountAsync("outbox", "payload->>'kind' = 'expiration_failed'"));

        var working = Assert.Single(await new PostgresOrderRecords(_db.DataSource).ListWorkingAsync(CancellationToken.None));
        await h.Restarted().ResumeCloseAsync(working, CancellationToken.None);
        var settled = Assert.Single(await h.RestartedExpirations().SettleAsync(expiry, CancellationToken.None));

        Assert.Equal((ExitReason.Expired, 150.00m), (settled.Closed!.Trade.ExitReason, settled.Closed.Trade.PnlRealized));
        Assert.Equal(1, await _db.CountAsync("trade_history"));
    }

    [Fact]
    public async Task ABrokersUnroundedAveragePriceAndFee_AreBookedToFourDecimalsAndTheCent()
    {
        var h = new ExitHarness(_db, _clock, broker: new UnroundedBroker());
        var position = (await h.OpenCspAsync("unrounded", 580m, 1.50m, April17, OpenedAt, quantity: 3)).Position;
        h.QuoteShortPut(position, 1.20m, 1.25m, TenThirtyFive.AddMinutes(-1));

        var check = await h.Exits.CloseManuallyAsync(position.PositionId, "alice", CancellationToken.None);

        // 1.2333333… → 1.2333; fees 1.3045 → 1.30: (1.50 − 1.2333) × 300 − 1.30 = 78.71.
        Assert.Equal((1.2333m, 1.30m, 78.71m), (check.Closed!.Trade.ExitPrice, check.Closed.Trade.Fees, check.Closed.Trade.PnlRealized));
        Assert.Equal(1, await _db.CountAsync("orders", "status = 'FILLED' AND fill_price = 1.2333"));
    }

    [Fact]
    public async Task AFillThatCannotBeBooked_IsStored_HaltsTrading_AndNoSecondClosingOrderGoesOut()
    {
        RecordingBroker? broker = null;
        var h = new ExitHarness(_db, _clock, broker: new CreditCloseBroker(), wrap: inner => broker = new RecordingBroker(inner));
        var position = (await h.OpenCspAsync("crossed", 580m, 1.50m, March13, OpenedAt)).Position;
        h.QuoteShortPut(position, 1.10m, 1.20m, TenThirtyFive.AddMinutes(-1));

        var first = await h.RunOneAsync();
        var second = await h.RunOneAsync();

        Assert.Equal("filled for a credit (-0.05)", first.OrderError);
        Assert.Equal("not sent: TRADING_HALTED: state=HALTED", second.OrderError);
        Assert.Single(broker!.Placed);
        Assert.Equal(PositionStatus.Open, (await h.Positions.FindAsync(position.PositionId))!.Status);
        Assert.Equal(1, await _db.CountAsync("fills", $"position_id = {position.PositionId} AND side = 'BUY'"));
        Assert.Equal(1, await _db.CountAsync("trading_controls", "trading_state = 'HALTED' AND state_reason LIKE 'UNBOOKED_FILL: order close-%'"));
    }

    /// <summary>Fills a closing order for a net credit, as crossed quotes would: a fill nothing here can book.</summary>
    private sealed class CreditCloseBroker : PlaceOnlyBroker
    {
        public override Task<OrderState> PlaceAsync(OrderTicket ticket, CancellationToken cancellationToken) =>
            Task.FromResult(new OrderState(ticket.ClientOrderId, OrderStatus.Filled, ticket.Quantity, ticket.Quantity, -0.05m, 0m,
                new([new LegFill($"{ticket.ClientOrderId}-1", ticket.Legs[0], ticket.Quantity, 0m)]), "c-1", null, ticket.AsOf));
    }

    /// <summary>Fills a whole order at once at an average with more decimals than a price carries here, and a fee in fractions of a cent.</summary>
    private sealed class UnroundedBroker : PlaceOnlyBroker
    {
        public override Task<OrderState> PlaceAsync(OrderTicket ticket, CancellationToken cancellationToken)
        {
            var price = 3.7m / 3m;
            return Task.FromResult(new OrderState(ticket.ClientOrderId, OrderStatus.Filled, ticket.Quantity, ticket.Quantity, price, 1.3045m,
                new([new LegFill($"{ticket.ClientOrderId}-1", ticket.Legs[0], ticket.Quantity, price, 1.3045m)]), "u-1", null, ticket.AsOf));
        }
    }

    /// <summary>The first order fills 2 contracts at 0.75 (fees 0.65 each) and then rests until cancelled; later ones fill whole at 1.00.</summary>
    private sealed class PartialThenFullBroker : IBroker
    {
        private readonly Dictionary<string, OrderState> _orders = [];

        public List<int> Quantities { get; } = [];

        public Task<OrderState> PlaceAsync(OrderTicket ticket, CancellationToken cancellationToken)
        {
            if (_orders.TryGetValue(ticket.ClientOrderId, out var known))
            {
                return Task.FromResult(known);
            }

            Quantities.Add(ticket.Quantity);
            var (filled, price) = Quantities.Count == 1 ? (2, 0.75m) : (ticket.Quantity, 1.00m);
            var fee = 0.65m * filled;
            var state = new OrderState(ticket.ClientOrderId, filled == ticket.Quantity ? OrderStatus.Filled : OrderStatus.PartiallyFilled, ticket.Quantity, filled, price, fee,
                new([new LegFill($"{ticket.ClientOrderId}-1", ticket.Legs[0], filled, price, fee)]), $"b-{ticket.ClientOrderId}", null, ticket.AsOf);
            _orders[ticket.ClientOrderId] = state;
            return Task.FromResult(state);
        }

        public Task<OrderState?> GetOrderAsync(string clientOrderId, CancellationToken cancellationToken) => Task.FromResult(_orders.GetValueOrDefault(clientOrderId));

        public Task<OrderState?> CancelAsync(string clientOrderId, CancellationToken cancellationToken)
        {
            var cancelled = _orders[clientOrderId] with { Status = OrderStatus.Cancelled, Reason = "cancelled by the client" };
            _orders[clientOrderId] = cancelled;
            return Task.FromResult<OrderState?>(cancelled);
        }

        public Task<OrderState?> ReplaceAsync(string clientOrderId, decimal limitPrice, CancellationToken cancellationToken) => GetOrderAsync(clientOrderId, cancellationToken);

        public Task<IReadOnlyList<LegFill>> GetFillsAsync(string clientOrderId, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<LegFill>>(_orders[clientOrderId].Fills);

        public Task<IReadOnlyList<BrokerPosition>> GetPositionsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<BrokerPosition>>([]);

        public Task<BrokerAccount> GetAccountAsync(CancellationToken cancellationToken) => Task.FromResult(new BrokerAccount(0m, 0m, 0m));
    }
}
