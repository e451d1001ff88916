using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Exits;

/// <summary>The exit automation end to end against Postgres: marks, decisions, closing orders, history, alerts.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ExitServiceTests(PostgresServer server) : IAsyncLifetime
{
    // Friday 2026-02-27, 10:35 New York (EST, UTC−5).
    private static readonly DateTimeOffset TenThirtyFive = new(2026, 2, 27, 15, 35, 0, TimeSpan.Zero);
    private static readonly DateOnly April17 = new(2026, 4, 17);
    private static readonly DateTimeOffset OpenedAt = new(2026, 2, 20, 14, 17, 0, TimeSpan.Zero);
    private readonly RealTimersClock _clock = new(TenThirtyFive);
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(server);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task WorkedExample_HoldsAtMinus200ThenExitsAtProfitTarget()
    {
        var h = new ExitHarness(_db, _clock);
        var position = (await h.OpenCspAsync("worked", 580m, 1.50m, April17, OpenedAt)).Position;

        // Marked at 3.50: P&L −200 against a 300 stop → HOLD.
        h.QuoteShortPut(position, 3.45m, 3.55m, TenThirtyFive.AddMinutes(-1));
        var hold = await h.RunOneAsync();
        Assert.Equal(ExitDecisionKind.Hold, hold.Decision.Decision);
        Assert.Equal(-200.00m, hold.Decision.UnrealizedPnl);
        var held = (await h.Positions.FindAsync(position.PositionId))!;
        Assert.Equal(PositionStatus.Open, held.Status);
        Assert.Equal(3.50m, held.MarkPrice);
        Assert.Equal(-200.00m, held.UnrealizedPnl);
        Assert.Equal(-200.00m, held.Mae);

        // Later at 0.75: P&L +75 reaches the 75 target → EXIT; the paper broker fills at the ask less 0.01.
        _clock.SetUtcNow(TenThirtyFive.AddHours(3));
        h.QuoteShortPut(position, 0.74m, 0.76m, _clock.GetUtcNow().AddMinutes(-2));
        var exit = await h.RunOneAsync();

        Assert.Equal(ExitDecisionKind.Exit, exit.Decision.Decision);
        Assert.Equal(ExitReason.ProfitTarget, exit.Decision.Reason);
        var trade = Assert.Single(await h.Positions.HistoryAsync(null, null));
        Assert.Equal(0.75m, trade.ExitPrice);
        Assert.Equal(75.00m, trade.PnlRealized);
        Assert.Equal(50.00m, trade.PnlPercent);
        Assert.Equal(TradeOutcome.Win, trade.WinLoss);
        Assert.Equal(ExecutedBy.Auto, trade.ExecutedBy);
        Assert.Equal(ExitReason.ProfitTarget, trade.ExitReason);
        var closed = (await h.Positions.FindAsync(position.PositionId))!;
        Assert.Equal(PositionStatus.Closed, closed.Status);
        Assert.Equal(-200.00m, closed.Mae);
        Assert.Equal(1, await _db.CountAsync("orders", "status = 'FILLED' AND intent = 'CLOSE' AND fill_price = 0.75"));
        Assert.Equal(1, await _db.CountAsync("fills", $"position_id = {position.PositionId} AND side = 'BUY' AND price = 0.75"));
        Assert.Equal(1, await _db.CountAsync("outbox",
            $"dedup_key = 'exit:{position.PositionId}' AND payload->>'text' = 'Position {position.PositionId} exited — SPY CSP — profit_target — +$75.00 (50%)'"));
    }

    [Fact]
    public async Task ManualClose_InASession_ClosesThroughTheBrokerWithTheActorAudited_AndOutsideOneSendsNothing()
    {
        var h = new ExitHarness(_db, _clock);
        var position = (await h.OpenCspAsync("manual", 580m, 1.50m, April17, OpenedAt)).Position;
        h.QuoteShortPut(position, 1.10m, 1.20m, TenThirtyFive.AddMinutes(-1));
        var saturday = new RealTimersClock(new DateTimeOffset(2026, 3, 14, 15, 0, 0, TimeSpan.Zero));

        var refused = await Assert.ThrowsAsync<MarketClosedException>(() => new ExitHarness(_db, saturday).Exits.CloseManuallyAsync(position.PositionId, "alice", CancellationToken.None));
        Assert.Equal(0, await _db.CountAsync("orders"));
        var check = await h.Exits.CloseManuallyAsync(position.PositionId, "alice", CancellationToken.None);

        Assert.StartsWith("MARKET_CLOSED:", refused.Message, StringComparison.Ordinal);
        Assert.NotNull(check.Closed);
        Assert.Equal((ExitReason.Manual, ExecutedBy.Manual), (check.Closed.Trade.ExitReason, check.Closed.Trade.ExecutedBy));
        Assert.Equal(1, await _db.CountAsync("audit_events", "event_type = 'order.submitted' AND actor = 'alice'"));
        Assert.Equal(1, await _db.CountAsync("trade_history", $"position_id = {position.PositionId} AND exit_reason = 'manual'"));
    }

    [Fact]
    public async Task FreshMarkWithImpliedVol_StoresShortPutGreeksInDollarUnits()
    {
        var h = new ExitHarness(_db, _clock);
        var position = (await h.OpenCspAsync("greeks", 580m, 1.50m, April17, OpenedAt, quantity: 2)).Position;
        h.Quotes.Quote(position.Legs[0].Contract, 3.45m, 3.55m, TenThirtyFive.AddMinutes(-1), underlying: 590m, impliedVolatility: 0.20);

        await h.Marks.MarkAllAsync(TenThirtyFive, CancellationToken.None);

        // Expiry 2026-04-17 16:00 EDT = 20:00Z; one short put per unit, 2 units of 100 shares.
        var years = (new DateTimeOffset(2026, 4, 17, 20, 0, 0, TimeSpan.Zero) - TenThirtyFive).TotalDays / 365.0;
        var put = Core.Pricing.BlackScholes.Value(Core.Instruments.OptionRight.Put, 590, 580, years, 0.04, 0, 0.20);
        var stored = (await h.Positions.FindAsync(position.PositionId))!;
        Assert.Equal(Math.Round((decimal)(-200 * put.Delta), 6), stored.Delta);
        Assert.Equal(Math.Round((decimal)(-200 * put.Theta), 6), stored.Theta);
        Assert.Equal(Math.Round((decimal)(-200 * put.Vega), 6), stored.Vega);
        Assert.True(stored.Delta > 0m && stored.Theta > 0m && stored.Vega < 0m && stored.Gamma < 0m);
    }

    [Fact]
    public async Task StaleMark_NeverExitsAndAlertsOncePerDay()
    {
        var h = new ExitHarness(_db, _clock);
        var position = (await h.OpenCspAsync("stale", 580m, 1.50m, April17, OpenedAt)).Position;
        // Deep in profit, but the quote is 11 minutes old.
        h.QuoteShortPut(position, 0.10m, 0.12m, TenThirtyFive.AddMinutes(-11));

        var first = await h.RunOneAsync();
        var second = await h.RunOneAsync();

        Assert.Equal(ExitDecisionKind.Stale, first.Decision.Decision);
        Assert.Equal(ExitDecisionKind.Stale, second.Decision.Decision);
        Assert.Null(first.Decision.Reason);
        var stored = (await h.Positions.FindAsync(position.PositionId))!;
        Assert.Equal(PositionStatus.Open, stored.Status);
        Assert.Equal(Core.Marks.MarkQuality.Stale, stored.MarkStatus);
        Assert.Null(stored.UnrealizedPnl);
        Assert.Equal(0, await _db.CountAsync("orders"));
        Assert.Equal(1, await _db.CountAsync("outbox", "payload->>'kind' = 'mark_stale'"));
    }

    [Fact]
    public async Task UnusableMark_NoBid_DoesNotExit()
    {
        var h = new ExitHarness(_db, _clock);
        var position = (await h.OpenCspAsync("nobid", 580m, 1.50m, April17, OpenedAt)).Position;
        h.QuoteShortPut(position, 0m, 0.05m, TenThirtyFive.AddMinutes(-1));

        var check = await h.RunOneAsync();

        Assert.Equal(ExitDecisionKind.Unusable, check.Decision.Decision);
        Assert.Contains("no bid", check.Decision.Detail, StringComparison.Ordinal);
        Assert.Equal(PositionStatus.Open, (await h.Positions.FindAsync(position.PositionId))!.Status);
        Assert.Equal(1, await _db.CountAsync("outbox", "payload->>'kind' = 'mark_unusable'"));
    }

    [Fact]
    public async Task RejectedClosingOrder_LeavesPositionOpenAndAlerts()
    {
        var h = new ExitHarness(_db, _clock, broker: new RejectingBroker());
        var position = (await h.OpenCspAsync("rejected", 580m, 1.50m, April17, OpenedAt)).Position;
        h.QuoteShortPut(position, 0.70m, 0.72m, TenThirtyFive.AddMinutes(-1));

        var check = await h.RunOneAsync();

        Assert.Equal(ExitDecisionKind.Exit, check.Decision.Decision);
        Assert.Equal("market closed", check.OrderError);
        Assert.Equal(PositionStatus.Open, (await h.Positions.FindAsync(position.PositionId))!.Status);
        Assert.Equal(0, await _db.CountAsync("trade_history"));
        Assert.Equal(1, await _db.CountAsync("orders", "status = 'REJECTED' AND error = 'market closed'"));
        Assert.Equal(1, await _db.CountAsync("outbox", "payload->>'kind' = 'exit_failed'"));
        Assert.Equal(1, await _db.CountAsync("audit_events", "event_type = 'order.rejected'"));
    }

    [Fact]
    public async Task BrokerFailure_LeavesTheOrderUnknown_NoSecondOrder_AndRecoveryBooksItUnderTheSameClientOrderId()
    {
        var broker = new FlakyBroker();
        var h = new ExitHarness(_db, _clock, broker: broker);
        var position = (await h.OpenCspAsync("flaky", 580m, 1.50m, April17, OpenedAt)).Position;
        h.QuoteShortPut(position, 0.70m, 0.72m, TenThirtyFive.AddMinutes(-1));

        var failed = await h.RunOneAsync();
        Assert.StartsWith("broker error, outcome unknown", failed.OrderError, StringComparison.Ordinal);
        Assert.Equal(1, await _db.CountAsync("orders", "status = 'UNKNOWN'"));
        Assert.Equal(1, await _db.CountAsync("trading_controls", "consecutive_errors = 1"));

        var next = await h.RunOneAsync();
        Assert.StartsWith("IN_PROGRESS:", next.OrderError, StringComparison.Ordinal);

        var working = Assert.Single(await new Infrastructure.Postgres.PostgresOrderRecords(_db.DataSource).ListWorkingAsync(CancellationToken.None));
        var recovered = await h.Exits.ResumeCloseAsync(working, CancellationToken.None);

        Assert.NotNull(recovered!.Closed);
        Assert.Single(broker.ClientOrderIds.Distinct());
        Assert.Equal(1, await _db.CountAsync("orders"));
        Assert.Equal(1, await _db.CountAsync("orders", "status = 'FILLED'"));
        Assert.Equal(1, await _db.CountAsync("trade_history"));
        Assert.Equal(["order.submitted", "order.unknown", "order.filled"], await _db.ListAsync<string>("SELECT event_type FROM audit_events WHERE entity_type = 'order' ORDER BY event_id"));
    }

    [Fact]
    public async Task DaysToExpiry_FiresEvenOnAStaleMark_AndPriceRulesWinOverIt()
    {
        var h = new ExitHarness(_db, _clock);
        // 2026-03-20 is 21 days after 2026-02-27.
        var dte = (await h.OpenCspAsync("dte", 580m, 1.50m, new DateOnly(2026, 3, 20), OpenedAt)).Position;
        var both = (await h.OpenCspAsync("both", 570m, 1.50m, new DateOnly(2026, 3, 20), OpenedAt)).Position;
        h.QuoteShortPut(dte, 1.20m, 1.24m, TenThirtyFive.AddMinutes(-30));
        h.QuoteShortPut(both, 0.50m, 0.52m, TenThirtyFive.AddMinutes(-1));

        var checks = await h.Exits.RunAsync(TenThirtyFive, execute: false, CancellationToken.None);

        var dteCheck = Assert.Single(checks, c => c.Position.PositionId == dte.PositionId);
        Assert.Equal(ExitReason.DaysToExpiry, dteCheck.Decision.Reason);
        Assert.Equal(21, dteCheck.Decision.DaysToExpiry);
        Assert.Equal(ExitReason.ProfitTarget, Assert.Single(checks, c => c.Position.PositionId == both.PositionId).Decision.Reason);
    }

    [Fact]
    public async Task DryRun_WritesNothing()
    {
        var h = new ExitHarness(_db, _clock);
        var position = (await h.OpenCspAsync("dry", 580m, 1.50m, April17, OpenedAt)).Position;
        h.QuoteShortPut(position, 0.70m, 0.72m, TenThirtyFive.AddMinutes(-1));

        var check = await h.RunOneAsync(execute: false);

        Assert.Equal(ExitReason.ProfitTarget, check.Decision.Reason);
        Assert.Null(check.Closed);
        Assert.Equal(position, await h.Positions.FindAsync(position.PositionId));
        Assert.Equal(0, await _db.CountAsync("orders"));
        Assert.Equal(0, await _db.CountAsync("outbox"));
    }

    [Fact]
    public async Task StopLoss_WithTwoConfirmations_FiresOnTheSecondBreachingMark()
    {
        var h = new ExitHarness(_db, _clock, new ExitRuleSettings { StopConfirmations = 2 });
        var position = (await h.OpenCspAsync("stop", 580m, 1.50m, April17, OpenedAt)).Position;
        // Loss of 310 at a mark of 4.60 is beyond the 300 stop.
        h.QuoteShortPut(position, 4.55m, 4.65m, TenThirtyFive.AddMinutes(-1));

        var first = await h.RunOneAsync();
        _clock.SetUtcNow(TenThirtyFive.AddMinutes(5));
        var second = await h.RunOneAsync();

        Assert.Equal(ExitDecisionKind.Hold, first.Decision.Decision);
        Assert.Contains("confirmation 1 of 2", first.Decision.Detail, StringComparison.Ordinal);
        Assert.Equal(ExitReason.StopLoss, second.Decision.Reason);
        var trade = Assert.Single(await h.Positions.HistoryAsync(null, null));
        Assert.Equal(4.64m, trade.ExitPrice);
        Assert.Equal(-314.00m, trade.PnlRealized);
        Assert.Equal(TradeOutcome.Loss, trade.WinLoss);
    }

    private sealed class RejectingBroker : PlaceOnlyBroker
    {
        public override Task<OrderState> PlaceAsync(OrderTicket ticket, CancellationToken cancellationToken) =>
            Task.FromResult(OrderState.Rejected(ticket.ClientOrderId, ticket.Quantity, "market closed", ticket.AsOf));
    }

    /// <summary>Fills the order but times out answering the first placement (outcome unknown); afterwards it answers the fill.</summary>
    private sealed class FlakyBroker : IBroker
    {
        private OrderState? _order;

        public List<string> ClientOrderIds { get; } = [];

        public Task<OrderState> PlaceAsync(OrderTicket ticket, CancellationToken cancellationToken)
        {
            ClientOrderIds.Add(ticket.ClientOrderId);
            if (_order is not null)
            {
                return Task.FromResult(_order);
            }

            var leg = ticket.Legs[0];
            _order = new OrderState(ticket.ClientOrderId, OrderStatus.Filled, ticket.Quantity, ticket.Quantity, 0.72m, 0m,
                new([new LegFill($"{ticket.ClientOrderId}-1", leg, ticket.Quantity, 0.72m)]), "flaky-1", null, ticket.AsOf);
            throw new TimeoutException("no answer from broker");
        }

        public Task<OrderState?> GetOrderAsync(string clientOrderId, CancellationToken cancellationToken) =>
            Task.FromResult(_order?.ClientOrderId == clientOrderId ? _order : null);

        public Task<OrderState?> CancelAsync(string clientOrderId, CancellationToken cancellationToken) => GetOrderAsync(clientOrderId, cancellationToken);

        public Task<OrderState?> ReplaceAsync(string clientOrderId, decimal limitPrice, CancellationToken cancellationToken) => GetOrderAsync(clientOrderId, cancellationToken);

        public Task<IReadOnlyList<LegFill>> GetFillsAsync(string clientOrderId, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<LegFill>>(_order is null ? [] : _order.Fills);

        public Task<IReadOnlyList<BrokerPosition>> GetPositionsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<BrokerPosition>>([]);

        public Task<BrokerAccount> GetAccountAsync(CancellationToken cancellationToken) => Task.FromResult(new BrokerAccount(0m, 0m, 0m));
    }
}
