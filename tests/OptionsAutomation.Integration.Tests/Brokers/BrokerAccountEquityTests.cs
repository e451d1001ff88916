using Microsoft.Extensions.Logging.Abstractions;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Infrastructure.Brokers;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Brokers;

/// <summary>Equity for sizing from a linked broker's balances, and none (fail closed) when it cannot answer.</summary>
[Collection(PostgresCollection.Name)]
public sealed class BrokerAccountEquityTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 2, 27, 15, 35, 0, TimeSpan.Zero);
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(server);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task TheBrokersEquity_AfterASaleOfOnePut()
    {
        // 100,000 cash + 150 of premium − 0.65 fee; the short put valued at its 1.50 average: 100,000 − 0.65 = 99,999.35.
        var put = new OptionContract("SPY", new DateOnly(2026, 4, 17), OptionRight.Put, 580m);
        var market = new ScriptedMarketData();
        market.Quote(put, 1.50m, 1.50m, At.AddMinutes(-1));
        var broker = new PaperBroker(_db.DataSource, market, new PaperBrokerSettings { StartingEquity = 100_000m, FeePerContract = 0.65m }, new RealTimersClock(At));
        await broker.PlaceAsync(new OrderTicket("sold", "SPY", new([new OrderLeg(put, OrderSide.SellToOpen, 1)]), 1, null, At), CancellationToken.None);

        Assert.Equal(99_999.35m, await new BrokerAccountEquity(broker, NullLogger<BrokerAccountEquity>.Instance).GetEquityAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ABrokerThatCannotAnswer_GivesNoEquity()
    {
        Assert.Null(await new BrokerAccountEquity(new Silent(), NullLogger<BrokerAccountEquity>.Instance).GetEquityAsync(CancellationToken.None));
    }

    /// <summary>A broker whose every call fails (here: the account).</summary>
    private sealed class Silent : PlaceOnlyBroker
    {
        public override Task<OrderState> PlaceAsync(OrderTicket ticket, CancellationToken cancellationToken) => throw new HttpRequestException("connection refused");
    }
}
