using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Infrastructure.Brokers;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Adjustments;

/// <summary>
/// A VPC rolled from March to April as one four-leg order on the paper broker, against scripted quotes whose numbers
/// <see cref="RollHarness.QuoteRoll"/> gives: the order's limit is the net mid (a credit of 0.50) and the paper broker
/// fills every leg at its mid. The old legs close for 1.05 − 0.45 = 0.60, the new ones open for 2.05 − 0.95 = 1.10.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RollServiceTests(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(server);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task AVpcRoll_IsOneFourLegOrder_ClosingTheOldPositionAndOpeningTheNewFromTheFills()
    {
        var h = new RollHarness(_db);
        var old = await h.OpenVpcAsync();
        h.QuoteRoll(RollHarness.Now.AddSeconds(-30));

        var result = await h.Rolls.RollAsync(RollHarness.Request(old.PositionId), CancellationToken.None);

        Assert.True(result.Rolled, result.Problem);
        Assert.Null(result.Problem);
        Assert.Equal((OrderStatus.Filled, 2, -0.50m, 5.20m), (result.Order!.Status, result.Order.FilledQuantity, result.Order.NetPrice, result.Order.Fees));
        var newId = result.NewPositionId!.Value;
        Assert.Equal(1, await _db.CountAsync("orders",
            $"client_order_id = 'roll-adj-1' AND intent = 'ROLL' AND reason = 'roll' AND status = 'FILLED' AND position_id = {old.PositionId} AND request_id = 'roll-adj-1' " +
            "AND quantity = 2 AND filled_quantity = 2 AND limit_price = -0.50 AND fill_price = -0.50 AND fees = 5.20 AND jsonb_array_length(legs) = 4"));
        // Old: (1.20 − 0.60) × 100 × 2 − 2.60 of closing commissions (two legs × two contracts × 0.65) = 117.40.
        Assert.Equal(1, await _db.CountAsync("positions",
            $"position_id = {old.PositionId} AND status = 'CLOSED' AND exit_reason = 'roll' AND exit_price = 0.60 AND realized_pnl = 117.40"));
        Assert.Equal(1, await _db.CountAsync("trade_history",
            $"position_id = {old.PositionId} AND client_order_id = 'roll-adj-1' AND exit_reason = 'roll' AND quantity = 2 AND exit_price = 0.60 AND pnl_realized = 117.40 AND fees = 2.60"));
        Assert.Equal(1, await _db.CountAsync("positions",
            $"position_id = {newId} AND request_id = 'roll-adj-1' AND status = 'OPEN' AND strategy_type = 'VPC' AND expiration = '2026-04-17' AND short_strike = 580 " +
            $"AND long_strike = 575 AND quantity = 2 AND entry_price = 1.10 AND fees = 2.60 AND rolled_from_position_id = {old.PositionId}"));
        Assert.Equal(
            [
                $"SPY   260320P00580000 BUY 2 1.0500 1.30 {old.PositionId}",
                $"SPY   260320P00575000 SELL 2 0.4500 1.30 {old.PositionId}",
                $"SPY   260417P00580000 SELL 2 2.0500 1.30 {newId}",
                $"SPY   260417P00575000 BUY 2 0.9500 1.30 {newId}",
            ],
            await _db.ListAsync<string>(
                "SELECT concat_ws(' ', symbol, side, quantity, price, fees, position_id) FROM fills WHERE client_order_id = 'roll-adj-1' ORDER BY fill_id"));
        Assert.Equal(4, await _db.CountAsync("paper_fills"));
        Assert.Equal(1, await _db.CountAsync("outbox", $"payload->>'kind' = 'rolled' AND (payload->>'position_id')::bigint = {newId}"));
        Assert.Equal(1, await _db.CountAsync("audit_events", $"event_type = 'position.rolled' AND position_id = {newId} AND actor = 'alice'"));
    }

    [Fact]
    public async Task ACspRoll_IsTwoLegs_AndTheGateSeesTheNewPositionWithTheOldOnesSlotReleased()
    {
        // Five positions open, the gate's maximum: a roll replaces one, so it passes. Equity 400,000 lets a 58,000 CSP through.
        var h = new RollHarness(_db, paper: new PaperBrokerSettings { FeePerContract = 0.65m, PriceImprovement = 0m, StartingEquity = 400_000m });
        var old = (await h.Exits.OpenCspAsync("csp-580", 580m, 3.00m, RollHarness.March, RollHarness.Now.AddDays(-20))).Position;
        for (var i = 0; i < 4; i++)
        {
            await h.Exits.OpenCspAsync($"other-{i}", 500m, 1.00m, RollHarness.March, RollHarness.Now.AddDays(-20), ticker: "QQQ");
        }

        h.QuoteRoll(RollHarness.Now.AddSeconds(-30));

        var result = await h.Rolls.RollAsync(RollHarness.Request(old.PositionId, minimumCredit: 0.90m) with { NewLongStrike = null }, CancellationToken.None);

        // Mid: 1.05 − 2.05 = −1.00, a credit of 1.00. Old: (3.00 − 1.05) × 100 − 0.65 = 194.35; new: 2.05 a share, fees 0.65.
        Assert.True(result.Rolled, result.Problem);
        Assert.Equal(1, await _db.CountAsync("orders", "intent = 'ROLL' AND status = 'FILLED' AND fill_price = -1.00 AND jsonb_array_length(legs) = 2"));
        Assert.Equal(1, await _db.CountAsync("trade_history", $"position_id = {old.PositionId} AND exit_reason = 'roll' AND exit_price = 1.05 AND pnl_realized = 194.35"));
        Assert.Equal(1, await _db.CountAsync("positions",
            $"position_id = {result.NewPositionId} AND strategy_type = 'CSP' AND long_strike IS NULL AND entry_price = 2.05 AND fees = 0.65 AND quantity = 1"));
    }

    [Fact]
    public async Task ACspTooLargeForTheAccount_IsRefusedByTheGate_AndNothingIsSent()
    {
        // 580 × 100 = 58,000 of collateral against a 50% cap on 100,000 of equity: the new position fails the gate's notional check.
        var h = new RollHarness(_db);
        var old = (await h.Exits.OpenCspAsync("csp-580", 580m, 3.00m, RollHarness.March, RollHarness.Now.AddDays(-20))).Position;
        h.QuoteRoll(RollHarness.Now.AddSeconds(-30));

        var result = await h.Rolls.RollAsync(RollHarness.Request(old.PositionId, minimumCredit: 0.90m) with { NewLongStrike = null }, CancellationToken.None);

        Assert.StartsWith("refused by the risk gate: ORDER_NOTIONAL", result.Problem, StringComparison.Ordinal);
        Assert.Equal(0, await _db.CountAsync("orders"));
    }

    [Fact]
    public async Task ARepeatOfTheClientOrderId_SendsNothing_AndAnswersTheRoll()
    {
        var h = new RollHarness(_db);
        var old = await h.OpenVpcAsync();
        h.QuoteRoll(RollHarness.Now.AddSeconds(-30));
        var first = await h.Rolls.RollAsync(RollHarness.Request(old.PositionId), CancellationToken.None);

        var again = await h.Restarted().RollAsync(RollHarness.Request(old.PositionId), CancellationToken.None);

        Assert.Equal((first.NewPositionId, OrderStatus.Filled, 2), (again.NewPositionId, again.Order!.Status, again.Order.FilledQuantity));
        Assert.Equal(1, await _db.CountAsync("paper_orders"));
        Assert.Equal(1, await _db.CountAsync("orders"));
        Assert.Equal(1, await _db.CountAsync("trade_history"));
    }

    [Fact]
    public async Task ACreditBelowTheMinimum_IsRefusedWithTheNumbers_AndNothingIsSent()
    {
        var h = new RollHarness(_db);
        var old = await h.OpenVpcAsync();
        h.QuoteRoll(RollHarness.Now.AddSeconds(-30));

        var result = await h.Rolls.RollAsync(RollHarness.Request(old.PositionId, minimumCredit: 0.60m), CancellationToken.None);

        Assert.False(result.Rolled);
        Assert.Equal("CREDIT_TOO_LOW: net credit 0.50 at the mid (natural 0.30) is below the minimum 0.60; nothing sent", result.Problem);
        Assert.Equal(0, await _db.CountAsync("orders"));
        Assert.Equal(0, await _db.CountAsync("paper_orders"));
    }

    [Fact]
    public async Task AMissingQuote_AnEarlierExpiration_AndReducingTrading_AreRefusedBeforeAnythingIsSent()
    {
        var h = new RollHarness(_db);
        var old = await h.OpenVpcAsync();
        h.QuoteRoll(RollHarness.Now.AddSeconds(-30));
        h.Quotes.Quote(RollHarness.Put(RollHarness.April, 575m), 0.90m, null, RollHarness.Now.AddSeconds(-10));

        var unquoted = await h.Rolls.RollAsync(RollHarness.Request(old.PositionId), CancellationToken.None);
        var earlier = await h.Rolls.RollAsync(RollHarness.Request(old.PositionId) with { NewExpiration = new DateOnly(2026, 3, 13) }, CancellationToken.None);
        h.QuoteRoll(RollHarness.Now);
        await _db.Controls().SetStateAsync(TradingState.Reducing, "test", "test", RollHarness.Now, CancellationToken.None);
        var reducing = await h.Rolls.RollAsync(RollHarness.Request(old.PositionId), CancellationToken.None);

        Assert.Equal("NO_QUOTE: a leg of the roll has no two-sided quote; nothing sent", unquoted.Problem);
        Assert.Equal("INVALID_ROLL: the new expiration 2026-03-13 must be after 2026-03-20", earlier.Problem);
        Assert.StartsWith("refused by the risk gate: TRADING_REDUCING", reducing.Problem, StringComparison.Ordinal);
        Assert.Equal(0, await _db.CountAsync("orders"));
        Assert.Equal(1, await _db.CountAsync("positions", $"position_id = {old.PositionId} AND status = 'OPEN'"));
    }

    [Fact]
    public async Task APartialFill_RollsThatManyContracts_AndTheRestOfTheOldPositionStaysOpen()
    {
        // One unit per evaluation: the first fills at placement; the quotes then move against the limit, so nothing more
        // fills and the rest is cancelled at the fill timeout.
        var h = new RollHarness(_db, paper: new PaperBrokerSettings { FeePerContract = 0.65m, PriceImprovement = 0m, MaxContractsPerFill = 1 });
        var old = await h.OpenVpcAsync();
        h.QuoteRoll(RollHarness.Now.AddSeconds(-30));
        h.Quotes.Quote(RollHarness.Put(RollHarness.April, 580m), 1.80m, 1.90m, RollHarness.Now.AddSeconds(1));

        var result = await h.Rolls.RollAsync(RollHarness.Request(old.PositionId), CancellationToken.None);

        Assert.True(result.Rolled);
        Assert.Equal((OrderStatus.Cancelled, 1), (result.Order!.Status, result.Order.FilledQuantity));
        Assert.StartsWith("partially filled 1 of 2", result.Problem, StringComparison.Ordinal);
        // Old: (1.20 − 0.60) × 100 − 1.30 = 58.70 for the contract rolled; one contract stays OPEN.
        Assert.Equal(1, await _db.CountAsync("positions", $"position_id = {old.PositionId} AND status = 'OPEN' AND quantity = 1 AND closed_quantity = 1"));
        Assert.Equal(1, await _db.CountAsync("trade_history", $"position_id = {old.PositionId} AND exit_reason = 'roll' AND quantity = 1 AND pnl_realized = 58.70"));
        Assert.Equal(1, await _db.CountAsync("positions",
            $"position_id = {result.NewPositionId} AND status = 'OPEN' AND quantity = 1 AND entry_price = 1.10 AND fees = 1.30 AND rolled_from_position_id = {old.PositionId}"));
        Assert.Equal(1, await _db.CountAsync("orders", "client_order_id = 'roll-adj-1' AND status = 'CANCELLED' AND filled_quantity = 1"));
    }

    [Fact]
    public async Task AFillThatCannotBeBooked_IsStored_AndHaltsTrading()
    {
        // A crossed broker market: the old legs' mids 0.15 and 1.45, the new 0.95 and 1.05 — a net mid of −1.20, inside the
        // −0.50 limit. The paper broker fills at the limit with the first leg carrying the 0.70 difference: the old legs
        // close at 0.85 − 1.45 = −0.60, a credit the book refuses.
        var market = new ScriptedMarketData();
        var at = RollHarness.Now.AddSeconds(-30);
        market.Quote(RollHarness.Put(RollHarness.March, 580m), 0.10m, 0.20m, at);
        market.Quote(RollHarness.Put(RollHarness.March, 575m), 1.40m, 1.50m, at);
        market.Quote(RollHarness.Put(RollHarness.April, 580m), 0.90m, 1.00m, at);
        market.Quote(RollHarness.Put(RollHarness.April, 575m), 1.00m, 1.10m, at);
        var h = new RollHarness(_db, brokerMarket: market);
        var old = await h.OpenVpcAsync();
        h.QuoteRoll(at);

        var result = await h.Rolls.RollAsync(RollHarness.Request(old.PositionId), CancellationToken.None);

        Assert.False(result.Rolled);
        Assert.Equal("the old legs closed for a credit (-0.60)", result.Problem);
        Assert.Equal(1, await _db.CountAsync("trading_controls", "trading_state = 'HALTED'"));
        Assert.Equal(4, await _db.CountAsync("fills", $"client_order_id = 'roll-adj-1' AND position_id = {old.PositionId}"));
        Assert.Equal(1, await _db.CountAsync("orders", "client_order_id = 'roll-adj-1' AND status = 'FILLED'"));
        Assert.Equal(1, await _db.CountAsync("positions", $"position_id = {old.PositionId} AND status = 'OPEN' AND quantity = 2"));
        Assert.Equal(1, await _db.CountAsync("positions"));
    }

    [Fact]
    public async Task ALostBrokerAnswer_LeavesTheOrderUnknown_AndRecoveryFollowsItToTheRoll()
    {
        // One contract per evaluation: the placement fills one and its answer is lost; recovery's first look fills the other.
        var h = new RollHarness(_db, paper: new PaperBrokerSettings { FeePerContract = 0.65m, PriceImprovement = 0m, MaxContractsPerFill = 1 },
            wrap: paper => new AnswerLostOnPlacement(paper));
        var old = await h.OpenVpcAsync();
        h.QuoteRoll(RollHarness.Now.AddSeconds(-30));

        var lost = await h.Rolls.RollAsync(RollHarness.Request(old.PositionId), CancellationToken.None);

        Assert.False(lost.Rolled);
        Assert.Equal("broker error, outcome unknown: the answer was lost; recovery asks the broker again within a minute", lost.Problem);
        Assert.Equal(1, await _db.CountAsync("orders", "client_order_id = 'roll-adj-1' AND status = 'UNKNOWN'"));
        Assert.Equal(1, await _db.CountAsync("trading_controls", "consecutive_errors = 1"));

        h.Clock.Advance(TimeSpan.FromMinutes(2));
        var lines = await h.Recovery().RecoverAsync(CancellationToken.None);

        var newId = await _db.ScalarAsync<long>($"SELECT position_id FROM positions WHERE rolled_from_position_id = {old.PositionId} AND quantity = 2 AND entry_price = 1.10");
        Assert.Equal([$"roll-adj-1: rolled 2 into position {newId}"], lines);
        Assert.Equal(1, await _db.CountAsync("orders", "client_order_id = 'roll-adj-1' AND status = 'FILLED' AND filled_quantity = 2"));
        Assert.Equal(1, await _db.CountAsync("positions", $"position_id = {old.PositionId} AND status = 'CLOSED' AND exit_reason = 'roll'"));
        Assert.Equal(1, await _db.CountAsync("paper_orders"));
    }

    [Fact]
    public async Task NothingFilled_LeavesTheOldPositionOpen_WithOneAlert()
    {
        // The paper broker's market has the new short put at 1.80/1.90: its net mid is a credit of 0.30, short of the 0.50
        // limit, so the order rests and is cancelled at the fill timeout.
        var market = new ScriptedMarketData();
        RollHarness.QuoteRoll(market, RollHarness.Now.AddSeconds(-30));
        market.Quote(RollHarness.Put(RollHarness.April, 580m), 1.80m, 1.90m, RollHarness.Now.AddSeconds(-20));
        var h = new RollHarness(_db, brokerMarket: market);
        var old = await h.OpenVpcAsync();
        h.QuoteRoll(RollHarness.Now.AddSeconds(-30));

        var result = await h.Rolls.RollAsync(RollHarness.Request(old.PositionId), CancellationToken.None);

        Assert.False(result.Rolled);
        Assert.Equal((OrderStatus.Cancelled, 0), (result.Order!.Status, result.Order.FilledQuantity));
        Assert.Equal(1, await _db.CountAsync("positions", $"position_id = {old.PositionId} AND status = 'OPEN' AND quantity = 2"));
        Assert.Equal(1, await _db.CountAsync("positions"));
        Assert.Equal(0, await _db.CountAsync("fills"));
        Assert.Equal(1, await _db.CountAsync("orders", "client_order_id = 'roll-adj-1' AND status = 'CANCELLED'"));
        Assert.Equal(1, await _db.CountAsync("outbox", $"payload->>'kind' = 'roll_failed' AND (payload->>'position_id')::bigint = {old.PositionId}"));
    }

    /// <summary>Places the order at the paper broker and then loses the answer, as a timeout after the request went out would.</summary>
    private sealed class AnswerLostOnPlacement(IBroker inner) : IBroker
    {
        public async Task<OrderState> PlaceAsync(OrderTicket ticket, CancellationToken cancellationToken)
        {
            await inner.PlaceAsync(ticket, cancellationToken);
            throw new TimeoutException("the answer was lost");
        }

        public Task<OrderState?> GetOrderAsync(string clientOrderId, CancellationToken cancellationToken) => inner.GetOrderAsync(clientOrderId, cancellationToken);

        public Task<OrderState?> CancelAsync(string clientOrderId, CancellationToken cancellationToken) => inner.CancelAsync(clientOrderId, cancellationToken);

        public Task<OrderState?> ReplaceAsync(string clientOrderId, decimal limitPrice, CancellationToken cancellationToken) =>
            inner.ReplaceAsync(clientOrderId, limitPrice, cancellationToken);

        public Task<IReadOnlyList<LegFill>> GetFillsAsync(string clientOrderId, CancellationToken cancellationToken) => inner.GetFillsAsync(clientOrderId, cancellationToken);

        public Task<IReadOnlyList<BrokerPosition>> GetPositionsAsync(CancellationToken cancellationToken) => inner.GetPositionsAsync(cancellationToken);

        public Task<BrokerAccount> GetAccountAsync(CancellationToken cancellationToken) => inner.GetAccountAsync(cancellationToken);
    }
}
