using OptionsAutomation.Core;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Infrastructure;
using OptionsAutomation.Infrastructure.Brokers;
using OptionsAutomation.Infrastructure.Brokers.TradeStation;
using OptionsAutomation.Infrastructure.Postgres;
using OptionsAutomation.Integration.Tests.Brokers.TradeStation.Server;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Brokers.TradeStation;

/// <summary>The TradeStation broker against the loopback server, with its order mapping in Postgres.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TradeStationBrokerTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly OptionContract Put580 = new("SPY", new DateOnly(2026, 3, 20), OptionRight.Put, 580m);
    private static readonly OptionContract Put575 = new("SPY", new DateOnly(2026, 3, 20), OptionRight.Put, 575m);

    private TestDatabase _db = null!;
    private TsHarness _ts = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(server);
        _ts = await TsHarness.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _ts.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task AVerticalPutCredit_IsConfirmedThenPlacedWithANegativeNetLimit_AndFillsInPartsWithFeesPerLeg()
    {
        var broker = Broker();

        var placed = await broker.PlaceAsync(Vpc("open-1", quantity: 2, limit: -1.20m), CancellationToken.None);
        var orderId = Assert.Single(_ts.Server.Orders).OrderId;
        _ts.Server.Fill(orderId, 1, 1.85m, 0.60m);
        var partial = await broker.GetOrderAsync("open-1", CancellationToken.None);
        _ts.Server.Fill(orderId, 1, 1.75m, 0.60m);
        var filled = await broker.GetOrderAsync("open-1", CancellationToken.None);
        var again = await Broker().GetOrderAsync("open-1", CancellationToken.None);

        var confirm = Assert.Single(_ts.Server.Calls("POST", "/v3/orderexecution/orderconfirm"));
        var place = Assert.Single(_ts.Server.Calls("POST", "/v3/orderexecution/orders"));
        Assert.True(_ts.Server.Requests.ToList().IndexOf(confirm) < _ts.Server.Requests.ToList().IndexOf(place));
        Assert.Equal(confirm.Body, place.Body);
        var body = place.Json;
        Assert.Equal(TradeStationServer.SimAccountId, body.GetProperty("AccountID").GetString());
        Assert.Equal("Limit", body.GetProperty("OrderType").GetString());
        Assert.Equal("-1.20", body.GetProperty("LimitPrice").GetString());
        Assert.Equal("DAY", body.GetProperty("TimeInForce").GetProperty("Duration").GetString());
        Assert.Equal(22, body.GetProperty("OrderConfirmID").GetString()!.Length);
        Assert.False(body.TryGetProperty("Symbol", out _));
        Assert.Equal(
            [("SPY 260320P580", "2", "SELLTOOPEN"), ("SPY 260320P575", "2", "BUYTOOPEN")],
            body.GetProperty("Legs").EnumerateArray().Select(l => (l.GetProperty("Symbol").GetString(), l.GetProperty("Quantity").GetString(), l.GetProperty("TradeAction").GetString())));

        Assert.Equal((OrderStatus.Submitted, 0, orderId), (placed.Status, placed.FilledQuantity, placed.BrokerOrderId));
        Assert.Equal((OrderStatus.PartiallyFilled, 1, -1.25m, 1.20m), (partial!.Status, partial.FilledQuantity, partial.NetPrice, partial.Fees));
        Assert.Equal((OrderStatus.Filled, 2, -1.20m, 2.40m), (filled!.Status, filled.FilledQuantity, filled.NetPrice, filled.Fees));
        Assert.Equal(
            [
                ($"ts-{orderId}-SPY260320P00580000-1", OrderSide.SellToOpen, 1, 1.85m, 0.60m),
                ($"ts-{orderId}-SPY260320P00575000-1", OrderSide.BuyToOpen, 1, 0.60m, 0.60m),
                ($"ts-{orderId}-SPY260320P00580000-2", OrderSide.SellToOpen, 1, 1.75m, 0.60m),
                ($"ts-{orderId}-SPY260320P00575000-2", OrderSide.BuyToOpen, 1, 0.60m, 0.60m),
            ],
            filled.Fills.Select(f => (f.FillId, f.Leg.Side, f.Contracts, f.Price, f.Fee)));
        Assert.Equal(filled, again! with { At = filled.At });
        Assert.Equal(4, await _db.CountAsync("broker_order_fills"));
        Assert.Equal(1, await _db.CountAsync("broker_order_links", $"client_order_id = 'open-1' AND state = 'PLACED' AND broker_order_id = '{orderId}'"));
        Assert.DoesNotContain(_ts.Logs.Lines, l => l.Contains("SECRET", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARoll_IsOneFourLegOrder_AtANetCredit_AndItsFillsSplitIntoTheClosingDebitAndTheOpeningCredit()
    {
        var april580 = Put580 with { Expiration = new DateOnly(2026, 4, 17) };
        var april575 = Put575 with { Expiration = new DateOnly(2026, 4, 17) };
        var roll = Ticket("roll-adj-1", 2, -0.50m,
            new OrderLeg(Put580, OrderSide.BuyToClose, 1), new OrderLeg(Put575, OrderSide.SellToClose, 1),
            new OrderLeg(april580, OrderSide.SellToOpen, 1), new OrderLeg(april575, OrderSide.BuyToOpen, 1));

        await Broker().PlaceAsync(roll, CancellationToken.None);
        var orderId = Assert.Single(_ts.Server.Orders).OrderId;
        _ts.Server.Fill(orderId, 2, 1.05m, 0.45m, 2.05m, 0.95m);
        var filled = await Broker().GetOrderAsync("roll-adj-1", CancellationToken.None);

        var body = Assert.Single(_ts.Server.Calls("POST", "/v3/orderexecution/orders")).Json;
        Assert.Equal(("Limit", "-0.50"), (body.GetProperty("OrderType").GetString(), body.GetProperty("LimitPrice").GetString()));
        Assert.False(body.TryGetProperty("Symbol", out _));
        Assert.Equal(
            [
                ("SPY 260320P580", "2", "BUYTOCLOSE"), ("SPY 260320P575", "2", "SELLTOCLOSE"),
                ("SPY 260417P580", "2", "SELLTOOPEN"), ("SPY 260417P575", "2", "BUYTOOPEN"),
            ],
            body.GetProperty("Legs").EnumerateArray().Select(l => (l.GetProperty("Symbol").GetString(), l.GetProperty("Quantity").GetString(), l.GetProperty("TradeAction").GetString())));
        Assert.Equal((OrderStatus.Filled, 2, -0.50m), (filled!.Status, filled.FilledQuantity, filled.NetPrice));
        Assert.Equal(
            [(OrderSide.BuyToClose, 1.05m), (OrderSide.SellToClose, 0.45m), (OrderSide.SellToOpen, 2.05m), (OrderSide.BuyToOpen, 0.95m)],
            filled.Fills.Select(f => (f.Leg.Side, f.Price)));
        var split = Core.Trading.Adjustments.RollFills.Of(filled);
        Assert.Equal((0.60m, 1.10m, filled.Fees), (split.ClosingDebit, split.OpeningCredit, split.ClosingFees + split.OpeningFees));
    }

    [Fact]
    public async Task Commissions_AreSplitOverTheNewFillsToTheCent_AndAddUpToTheBrokersFee()
    {
        _ts.Server.CommissionPerContract = 0.335m;
        var broker = Broker();
        await broker.PlaceAsync(Vpc("open-11", quantity: 3, limit: -1.20m), CancellationToken.None);
        var orderId = _ts.Server.Orders[0].OrderId;

        _ts.Server.Fill(orderId, 1, 1.80m, 0.60m); // 2 contracts: 0.67 in all
        var first = await broker.GetOrderAsync("open-11", CancellationToken.None);
        _ts.Server.Fill(orderId, 2, 1.80m, 0.60m); // 4 more: 2.01 in all
        var done = await broker.GetOrderAsync("open-11", CancellationToken.None);

        Assert.Equal([0.33m, 0.34m], first!.Fills.Select(f => f.Fee));
        Assert.Equal([0.33m, 0.34m, 0.67m, 0.67m], done!.Fills.Select(f => f.Fee));
        Assert.Equal(2.01m, done.Fees);
        Assert.Equal(2.01m, await _db.ScalarAsync<decimal>("SELECT sum(fee) FROM broker_order_fills WHERE client_order_id = 'open-11'"));
    }

    [Fact]
    public async Task ACashSecuredPut_IsOneLegWithAPositivePrice_AndAClosingDebitToo()
    {
        var broker = Broker();

        await broker.PlaceAsync(Ticket("csp-1", 1, -1.50m, new OrderLeg(Put580, OrderSide.SellToOpen, 1)), CancellationToken.None);
        await broker.PlaceAsync(Ticket("close-1", 1, 0.45m, new OrderLeg(Put580, OrderSide.BuyToClose, 1)), CancellationToken.None);

        var bodies = _ts.Server.Calls("POST", "/v3/orderexecution/orders").Select(r => r.Json).ToList();
        Assert.Equal(
            [("SPY 260320P580", "1", "SELLTOOPEN", "1.50"), ("SPY 260320P580", "1", "BUYTOCLOSE", "0.45")],
            bodies.Select(b => (b.GetProperty("Symbol").GetString(), b.GetProperty("Quantity").GetString(), b.GetProperty("TradeAction").GetString(), b.GetProperty("LimitPrice").GetString())));
        Assert.All(bodies, b => Assert.False(b.TryGetProperty("Legs", out _)));
    }

    [Fact]
    public async Task APartialFillThenCancel_IsCancelledWithThePartKept()
    {
        var broker = Broker();
        await broker.PlaceAsync(Vpc("open-2", quantity: 3, limit: -1.10m), CancellationToken.None);
        var orderId = _ts.Server.Orders[0].OrderId;
        _ts.Server.Fill(orderId, 1, 1.70m, 0.60m);

        var cancelled = await broker.CancelAsync("open-2", CancellationToken.None);
        var cancelledAgain = await broker.CancelAsync("open-2", CancellationToken.None);

        Assert.Equal((OrderStatus.Cancelled, 1, -1.10m, 1.20m), (cancelled!.Status, cancelled.FilledQuantity, cancelled.NetPrice, cancelled.Fees));
        Assert.Equal((OrderStatus.Cancelled, 1), (cancelledAgain!.Status, cancelledAgain.FilledQuantity));
        Assert.Equal($"/v3/orderexecution/orders/{orderId}", _ts.Server.Calls("DELETE", "/orderexecution/orders/")[0].Path);
        Assert.Equal(2, (await broker.GetFillsAsync("open-2", CancellationToken.None)).Count);
        Assert.Null(await broker.CancelAsync("never-placed", CancellationToken.None));
    }

    [Fact]
    public async Task AReplace_SendsTheLimitAlone_AndAReplaceRacingAFillAnswersTheFill()
    {
        var broker = Broker();
        await broker.PlaceAsync(Vpc("open-3", quantity: 1, limit: -1.30m), CancellationToken.None);
        var orderId = _ts.Server.Orders[0].OrderId;

        var repriced = await broker.ReplaceAsync("open-3", -1.25m, CancellationToken.None);
        _ts.Server.BeforeNextReplace(order => _ts.Server.Fill(order.OrderId, 1, 1.80m, 0.58m));
        var raced = await broker.ReplaceAsync("open-3", -1.20m, CancellationToken.None);

        var puts = _ts.Server.Calls("PUT", $"/orderexecution/orders/{orderId}");
        Assert.Equal(["""{"LimitPrice":"-1.25"}""", """{"LimitPrice":"-1.20"}"""], puts.Select(p => p.Body));
        Assert.Equal((OrderStatus.Submitted, orderId), (repriced!.Status, repriced.BrokerOrderId));
        Assert.Equal("-1.25", _ts.Server.Orders[0].LimitPrice);
        Assert.Equal((OrderStatus.Filled, 1, -1.22m), (raced!.Status, raced.FilledQuantity, raced.NetPrice));
    }

    [Fact]
    public async Task APlacementWithoutAnAnswer_IsFoundAmongTodaysOrders_AndNeverPlacedTwice()
    {
        var impatient = Broker(_ts.Settings with { RequestTimeoutSeconds = 1 });
        _ts.Server.HoldNextPlacementAnswer(TimeSpan.FromSeconds(3));

        await Assert.ThrowsAsync<TimeoutException>(() => impatient.PlaceAsync(Vpc("open-4", quantity: 1, limit: -1.20m), CancellationToken.None));
        var linkAfterTimeout = await _db.ScalarAsync<string>("SELECT state FROM broker_order_links WHERE client_order_id = 'open-4'");
        // A restart: a new broker over the same database, asked again with the same client order id (as ResilientBroker and recovery do).
        var resilient = new ResilientBroker(Broker(), new BrokerResilienceSettings { AttemptTimeoutSeconds = 10 });
        var state = await resilient.PlaceAsync(Vpc("open-4", quantity: 1, limit: -1.20m), CancellationToken.None);

        Assert.Equal("SENDING", linkAfterTimeout);
        Assert.Single(_ts.Server.Orders);
        Assert.Single(_ts.Server.Calls("POST", "/v3/orderexecution/orders"));
        Assert.Single(_ts.Server.Calls("GET", $"/v3/brokerage/accounts/{TradeStationServer.SimAccountId}/orders"), r => r.Path.EndsWith("/orders", StringComparison.Ordinal));
        Assert.Equal((OrderStatus.Submitted, _ts.Server.Orders[0].OrderId), (state.Status, state.BrokerOrderId));
    }

    [Fact]
    public async Task ASentOrderTheBrokerDoesNotList_IsAnUnknownOutcome_NeverSentAgain_AndUnknownToRecovery()
    {
        var broker = Broker();
        _ts.Server.Script("POST", "/orderexecution/orders", TsReply.Error(503, "ServiceUnavailable", "Try again later"));

        await Assert.ThrowsAsync<TradeStationApiException>(() => broker.PlaceAsync(Vpc("open-8", quantity: 1, limit: -1.20m), CancellationToken.None));
        var again = await Assert.ThrowsAsync<TradeStationApiException>(() => Broker().PlaceAsync(Vpc("open-8", quantity: 1, limit: -1.20m), CancellationToken.None));
        var lookedUp = await Broker().GetOrderAsync("open-8", CancellationToken.None);

        Assert.Contains("not sent again", again.Message, StringComparison.Ordinal);
        Assert.Single(_ts.Server.Calls("POST", "/v3/orderexecution/orders"));
        Assert.Null(lookedUp);
        Assert.Equal(1, await _db.CountAsync("broker_order_links", "client_order_id = 'open-8' AND state = 'SENDING'"));
    }

    [Fact]
    public async Task AnOrderRecordedButNeverSent_IsSentOnce_EvenWhenAskedConcurrently()
    {
        var account = TradeStationServer.SimAccountId;
        await new TradeStationOrderLinks(_db.DataSource).RecordPlacingAsync(Vpc("open-9", quantity: 1, limit: -1.20m), account, "crashed-before-send-01", DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.Null(await Broker().GetOrderAsync("open-9", CancellationToken.None));

        var states = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(async () =>
        {
            try
            {
                return await Broker().PlaceAsync(Vpc("open-9", quantity: 1, limit: -1.20m), CancellationToken.None);
            }
            catch (TradeStationApiException)
            {
                return null; // a caller that found another one mid-send: an unknown outcome, asked again later
            }
        })));

        var place = Assert.Single(_ts.Server.Calls("POST", "/v3/orderexecution/orders"));
        Assert.Equal("crashed-before-send-01", place.Json.GetProperty("OrderConfirmID").GetString());
        Assert.Contains(states, s => s?.Status == OrderStatus.Submitted);
        Assert.Equal(OrderStatus.Submitted, (await Broker().PlaceAsync(Vpc("open-9", quantity: 1, limit: -1.20m), CancellationToken.None)).Status);
        Assert.Single(_ts.Server.Orders);
    }

    [Fact]
    public async Task ARejectedOrder_IsRejectedWithTheBrokersReason_AndAskingAgainPlacesNothing()
    {
        var broker = Broker();
        _ts.Server.RejectNextOrder("Insufficient buying power");

        var rejected = await broker.PlaceAsync(Vpc("open-5", quantity: 1, limit: -1.20m), CancellationToken.None);
        var again = await broker.PlaceAsync(Vpc("open-5", quantity: 1, limit: -1.20m), CancellationToken.None);

        Assert.Equal(OrderStatus.Rejected, rejected.Status);
        Assert.Contains("Insufficient buying power", rejected.Reason, StringComparison.Ordinal);
        Assert.Equal((OrderStatus.Rejected, rejected.BrokerOrderId), (again.Status, again.BrokerOrderId));
        Assert.Single(_ts.Server.Calls("POST", "/v3/orderexecution/orders"));
    }

    [Fact]
    public async Task PreviewMode_ConfirmsAndReportsTheEstimate_AndPlacesNothing()
    {
        var broker = Broker(_ts.Settings with { PreviewOnly = true });

        var previewed = await broker.PlaceAsync(Vpc("open-6", quantity: 2, limit: -1.20m), CancellationToken.None);

        Assert.Equal(OrderStatus.Rejected, previewed.Status);
        Assert.Contains("preview only", previewed.Reason, StringComparison.Ordinal);
        Assert.Contains("estimated price -1.20, cost -240.00, commission 2.40", previewed.Reason, StringComparison.Ordinal);
        Assert.Single(_ts.Server.Calls("POST", "/v3/orderexecution/orderconfirm"));
        Assert.Empty(_ts.Server.Calls("POST", "/v3/orderexecution/orders"));
        Assert.Empty(_ts.Server.Orders);
        Assert.Equal(1, await _db.CountAsync("broker_order_links", "state = 'PREVIEWED'"));
    }

    [Fact]
    public async Task PositionsAndBalances_MapOntoThePort_OptionsOnly()
    {
        _ts.Server.AddPosition(new TsPosition(TradeStationServer.SimAccountId, "SPY 260320P580", "-2", "1.80", ExpirationDate: "2026-03-20T00:00:00Z"));
        _ts.Server.AddPosition(new TsPosition(TradeStationServer.SimAccountId, "SPY 260320P575", "2", "0.6", AssetType: "StockOption"));
        _ts.Server.AddPosition(new TsPosition(TradeStationServer.SimAccountId, "SPY", "100", "580.12", AssetType: "STOCK"));
        var broker = Broker();

        var positions = await broker.GetPositionsAsync(CancellationToken.None);
        var account = await broker.GetAccountAsync(CancellationToken.None);

        Assert.Equal([new BrokerPosition(Put580, -2, 1.80m), new BrokerPosition(Put575, 2, 0.60m)], positions);
        Assert.Equal(new BrokerAccount(100_000m, 10_000m, 101_250.5m), account);
        Assert.Equal(90_000m, account.BuyingPower);
    }

    [Fact]
    public async Task TheAccount_IsTheSingleActiveOne_OrTheConfiguredOne_NeverAGuess()
    {
        _ts.Server.SetAccounts(new TsAccount("SIM1111111M"), new TsAccount("SIM2222222X", AccountType: "Cash"), new TsAccount("SIM3333333C", Status: "Closed"));

        var ambiguous = await Assert.ThrowsAsync<InvalidConfigurationException>(() => Broker().GetAccountAsync(CancellationToken.None));
        var chosen = await new TradeStationAccounts(_ts.Client, _ts.Settings with { AccountId = "SIM2222222X" }).GetAsync(CancellationToken.None);
        var unknown = await Assert.ThrowsAsync<InvalidConfigurationException>(() =>
            new TradeStationAccounts(_ts.Client, _ts.Settings with { AccountId = "SIM9" }).GetAsync(CancellationToken.None));

        Assert.Contains("Broker:TradeStation:AccountId must name one of the active accounts SIM1111111M (Active), SIM2222222X (Active)", ambiguous.Message, StringComparison.Ordinal);
        Assert.Equal(("SIM2222222X", "Cash"), (chosen.AccountId, chosen.AccountType));
        Assert.Contains("'SIM9' is not among", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALostLogin_FailsClosedWithOneAlert_AndNothingIsPlaced()
    {
        _ts.Server.RevokeRefreshToken();
        var broker = Broker();

        await Assert.ThrowsAsync<TradeStationAuthException>(() => broker.PlaceAsync(Vpc("open-7", quantity: 1, limit: -1.20m), CancellationToken.None));
        await Assert.ThrowsAsync<TradeStationAuthException>(() => broker.GetAccountAsync(CancellationToken.None));

        Assert.Equal(1, await _db.CountAsync("outbox", "dedup_key LIKE 'broker-auth:%' AND payload::text LIKE '%optauto broker login%'"));
        Assert.Empty(_ts.Server.Orders);
        Assert.DoesNotContain(_ts.Logs.Lines, l => l.Contains("SECRET", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheOrderStream_IsReadThroughTheClient_ObjectByObject_ToGoAway()
    {
        await Broker().PlaceAsync(Vpc("open-10", quantity: 1, limit: -1.20m), CancellationToken.None);

        using var response = await _ts.Client.OpenStreamAsync(
            $"brokerage/stream/accounts/{TradeStationServer.SimAccountId}/orders", RateCategory.Unmetered, CancellationToken.None);
        await using var body = await response.Content.ReadAsStreamAsync();
        var messages = new List<StreamMessage>();
        await foreach (var message in new TradeStationStreamReader(body, TimeSpan.FromSeconds(5), TimeProvider.System).ReadAllAsync(CancellationToken.None))
        {
            messages.Add(message);
        }

        Assert.Equal("application/vnd.tradestation.streams.v3+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([StreamMessageKind.Data, StreamMessageKind.Heartbeat, StreamMessageKind.EndSnapshot, StreamMessageKind.GoAway], messages.Select(m => m.Kind));
        Assert.Equal(_ts.Server.Orders[0].OrderId, messages[0].Body.GetProperty("OrderID").GetString());
        Assert.NotNull(Assert.Single(_ts.Server.Calls("GET", "/v3/brokerage/stream/")).Bearer);
    }

    private TradeStationBroker Broker(TradeStationSettings? settings = null)
    {
        settings ??= _ts.Settings;
        var client = settings == _ts.Settings
            ? _ts.Client
            : new TradeStationClient(_ts.Http, settings, _ts.Tokens, _ts.Budgets, TimeProvider.System, _ts.Logger<TradeStationClient>());
        return new TradeStationBroker(
            client, new TradeStationAccounts(client, settings), new TradeStationOrderLinks(_db.DataSource), settings,
            new PostgresAlertQueue(_db.DataSource), TimeProvider.System, _ts.Logger<TradeStationBroker>());
    }

    private static OrderTicket Vpc(string id, int quantity, decimal limit) =>
        Ticket(id, quantity, limit, new OrderLeg(Put580, OrderSide.SellToOpen, 1), new OrderLeg(Put575, OrderSide.BuyToOpen, 1));

    private static OrderTicket Ticket(string id, int quantity, decimal limit, params OrderLeg[] legs) =>
        new(id, "SPY", new ValueList<OrderLeg>(legs), quantity, limit, DateTimeOffset.UtcNow);
}
