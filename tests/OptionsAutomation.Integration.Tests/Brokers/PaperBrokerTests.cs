using OptionsAutomation.Core;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Brokers;
using OptionsAutomation.Infrastructure.Postgres;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Brokers;

/// <summary>The paper broker's order lifecycle and account on scripted quotes, a manual clock and its book in Postgres.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PaperBrokerTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);
    private static readonly OptionContract Put580 = new("SPY", new DateOnly(2026, 3, 20), OptionRight.Put, 580m);
    private static readonly OptionContract Put575 = new("SPY", new DateOnly(2026, 3, 20), OptionRight.Put, 575m);

    private readonly RealTimersClock _clock = new(T0);
    private readonly ScriptedMarketData _quotes = new();
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(server);
        _quotes.Quote(Put580, 1.48m, 1.52m, T0);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task TheBook_OutlivesTheProcess_AnotherInstanceAnswersTheOrderItsFillsAndTheAccount()
    {
        var placed = await Broker().PlaceAsync(SellPut(-1.50m), CancellationToken.None);

        var restarted = Broker();
        var known = await restarted.GetOrderAsync("o-1", CancellationToken.None);

        Assert.Equal(placed, known);
        Assert.Equal(placed.Fills, await restarted.GetFillsAsync("o-1", CancellationToken.None));
        Assert.Equal(new BrokerAccount(100_149.35m, 58_000m, 99_999.35m), await restarted.GetAccountAsync(CancellationToken.None));
        Assert.Null(await restarted.GetOrderAsync("never-sent", CancellationToken.None));
        Assert.Equal(1, await _db.CountAsync("paper_fills", "fill_id = 'o-1-1' AND fee = 0.65"));
    }

    [Fact]
    public async Task TwentyConcurrentPlacementsOfOneId_TradeOnce()
    {
        var states = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => Broker().PlaceAsync(SellPut(-1.50m, quantity: 3), CancellationToken.None))));

        Assert.All(states, s => Assert.Equal((OrderStatus.Filled, 3), (s.Status, s.FilledQuantity)));
        Assert.Equal(1, await _db.CountAsync("paper_orders"));
        Assert.Equal(1, await _db.CountAsync("paper_fills", "contracts = 3"));
    }

    [Theory]
    [InlineData(1.50)] // at the mid
    [InlineData(1.45)] // the mid is better than the limit: still filled at the limit
    public async Task Limit_AtOrBetterThanTheMid_FillsAtTheLimit(decimal credit)
    {
        var state = await Broker().PlaceAsync(SellPut(-credit), CancellationToken.None);

        Assert.Equal((OrderStatus.Filled, 1, -credit, 0.65m, T0), (state.Status, state.FilledQuantity, state.NetPrice, state.Fees, state.At));
        var fill = Assert.Single(state.Fills);
        Assert.Equal(("o-1-1", 1, credit, OrderSide.SellToOpen), (fill.FillId, fill.Contracts, fill.Price, fill.Leg.Side));
    }

    [Fact]
    public async Task Limit_BeyondTheMid_RestsAndFillsWhenTheMidComesThrough()
    {
        var broker = Broker();
        _quotes.Quote(Put580, 1.58m, 1.62m, T0.AddSeconds(10));

        var placed = await broker.PlaceAsync(SellPut(-1.60m), CancellationToken.None);
        _clock.SetUtcNow(T0.AddSeconds(5));
        var stillResting = await broker.GetOrderAsync("o-1", CancellationToken.None);
        _clock.SetUtcNow(T0.AddSeconds(10));
        var filled = await broker.GetOrderAsync("o-1", CancellationToken.None);

        Assert.Equal((OrderStatus.Submitted, 0, (decimal?)null), (placed.Status, placed.FilledQuantity, placed.NetPrice));
        Assert.Equal(OrderStatus.Submitted, stillResting!.Status);
        Assert.Equal((OrderStatus.Filled, 1, -1.60m, T0.AddSeconds(10)), (filled!.Status, filled.FilledQuantity, filled.NetPrice, filled.At));
        Assert.Equal(1.60m, Assert.Single(await broker.GetFillsAsync("o-1", CancellationToken.None)).Price);
    }

    [Fact]
    public async Task Executor_CancelsARestingOrderAfterTheFillTimeout()
    {
        var broker = Broker();
        var seen = new List<OrderStatus>();
        var executor = new OrderExecutor(broker, new ExecutionSettings { FillTimeoutSeconds = 30, PollIntervalSeconds = 1 }, new AdvancingDelay(_clock), _clock, _db.Journal());

        var final = await executor.ExecuteAsync(SellPut(-1.60m), (s, _) => { seen.Add(s.Status); return Task.CompletedTask; }, CancellationToken.None);

        Assert.Equal((OrderStatus.Cancelled, 0, "cancelled: not filled within 30 s"), (final.Status, final.FilledQuantity, final.Reason));
        Assert.Equal(T0.AddSeconds(30), _clock.GetUtcNow());
        Assert.Equal([OrderStatus.Submitted], seen);
        Assert.Empty(await broker.GetFillsAsync("o-1", CancellationToken.None));
        Assert.Equal(OrderStatus.Cancelled, (await broker.GetOrderAsync("o-1", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task MaxContractsPerFill_FillsInParts_OnePerEvaluation()
    {
        var broker = Broker(new PaperBrokerSettings { MaxContractsPerFill = 1 });

        var first = await broker.PlaceAsync(SellPut(-1.50m, quantity: 3), CancellationToken.None);
        var second = await broker.GetOrderAsync("o-1", CancellationToken.None);
        var third = await broker.GetOrderAsync("o-1", CancellationToken.None);

        Assert.Equal((OrderStatus.PartiallyFilled, 1, 2), (first.Status, first.FilledQuantity, first.UnfilledQuantity));
        Assert.Equal((OrderStatus.PartiallyFilled, 2), (second!.Status, second.FilledQuantity));
        Assert.Equal((OrderStatus.Filled, 3, -1.50m, 1.95m), (third!.Status, third.FilledQuantity, third.NetPrice, third.Fees));
        Assert.Equal(["o-1-1", "o-1-2", "o-1-3"], third.Fills.Select(f => f.FillId));
        Assert.Equal(-3, Assert.Single(await broker.GetPositionsAsync(CancellationToken.None)).Contracts);
    }

    [Fact]
    public async Task Cancel_AfterAPartialFill_KeepsWhatFilled()
    {
        var broker = Broker(new PaperBrokerSettings { MaxContractsPerFill = 2 });

        await broker.PlaceAsync(SellPut(-1.50m, quantity: 3), CancellationToken.None);
        var cancelled = await broker.CancelAsync("o-1", CancellationToken.None);
        var again = await broker.CancelAsync("o-1", CancellationToken.None);

        Assert.Equal((OrderStatus.Cancelled, 2, 1, 1.30m), (cancelled!.Status, cancelled.FilledQuantity, cancelled.UnfilledQuantity, cancelled.Fees));
        Assert.Equal(cancelled, again);
        Assert.Null(await broker.CancelAsync("unknown", CancellationToken.None));
    }

    [Fact]
    public async Task Place_TwiceWithOneClientOrderId_TradesOnce()
    {
        var broker = Broker();

        var first = await broker.PlaceAsync(SellPut(-1.50m), CancellationToken.None);
        var second = await broker.PlaceAsync(SellPut(-1.40m, quantity: 5), CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Single(await broker.GetFillsAsync("o-1", CancellationToken.None));
        Assert.Equal(100_149.35m, (await broker.GetAccountAsync(CancellationToken.None)).Cash);
    }

    [Fact]
    public async Task Account_AfterACspSaleAndItsClose_TracksCashAndCollateral()
    {
        var broker = Broker();

        await broker.PlaceAsync(SellPut(-1.50m), CancellationToken.None);
        var open = await broker.GetAccountAsync(CancellationToken.None);
        var held = Assert.Single(await broker.GetPositionsAsync(CancellationToken.None));
        _quotes.Quote(Put580, 0.74m, 0.76m, T0.AddMinutes(1));
        var close = new OrderTicket("c-1", "SPY", new([new OrderLeg(Put580, OrderSide.BuyToClose, 1)]), 1, null, T0.AddMinutes(1));
        var closed = await broker.PlaceAsync(close, CancellationToken.None);
        var after = await broker.GetAccountAsync(CancellationToken.None);

        // Sold at 1.50 less 0.65 commission; 580 × 100 held against it; equity values the short put at its price.
        Assert.Equal(new BrokerAccount(100_149.35m, 58_000m, 99_999.35m), open);
        Assert.Equal(42_149.35m, open.BuyingPower);
        Assert.Equal(new BrokerPosition(Put580, -1, 1.50m), held);
        // Bought back at the 0.76 ask: the 74.00 gain less two commissions.
        Assert.Equal((OrderStatus.Filled, 0.76m), (closed.Status, closed.NetPrice));
        Assert.Equal(new BrokerAccount(100_072.70m, 0m, 100_072.70m), after);
        Assert.Empty(await broker.GetPositionsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Account_PutCreditSpread_HoldsItsWidth()
    {
        var broker = Broker(new PaperBrokerSettings { FeePerContract = 0m });
        _quotes.Quote(Put575, 1.00m, 1.04m, T0);
        var spread = new OrderTicket("v-1", "SPY",
            new([new OrderLeg(Put580, OrderSide.SellToOpen, 1), new OrderLeg(Put575, OrderSide.BuyToOpen, 1)]), 2, -0.48m, T0);

        var state = await broker.PlaceAsync(spread, CancellationToken.None);

        Assert.Equal((OrderStatus.Filled, -0.48m), (state.Status, state.NetPrice));
        Assert.Equal(new BrokerAccount(100_096m, 1_000m, 100_000m), await broker.GetAccountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Place_WithoutATwoSidedQuote_IsRejected()
    {
        var unquoted = new OptionContract("SPY", new DateOnly(2026, 3, 20), OptionRight.Put, 500m);
        var ticket = new OrderTicket("o-9", "SPY", new([new OrderLeg(unquoted, OrderSide.SellToOpen, 1)]), 1, -1m, T0);

        var state = await Broker().PlaceAsync(ticket, CancellationToken.None);

        Assert.Equal((OrderStatus.Rejected, "no two-sided quote for SPY   260320P00500000"), (state.Status, state.Reason));
    }

    private PaperBroker Broker(PaperBrokerSettings? settings = null) => new(_db.DataSource, _quotes, settings ?? new PaperBrokerSettings(), _clock);

    private static OrderTicket SellPut(decimal limit, int quantity = 1) =>
        new("o-1", "SPY", new ValueList<OrderLeg>([new OrderLeg(Put580, OrderSide.SellToOpen, 1)]), quantity, limit, T0);
}
