using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Infrastructure.Brokers;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Api;

/// <summary><c>GET /api/broker/reconcile</c>: the comparison, read-only.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ApiBrokerTests(PostgresServer server) : ApiTestBase(server)
{
    [Fact]
    public async Task Reconcile_ShowsAPositionOnlyAtTheBroker_AndNeitherAlertsNorRecordsNorReduces()
    {
        // A 575 put sold at the paper broker by hand (a client order id we never recorded), expiring after the API's today.
        var put = new OptionContract("SPY", new DateOnly(2021, 6, 18), OptionRight.Put, 575m);
        var market = new ScriptedMarketData();
        // The API's clock stands at the harness's instant; the paper book holds what filled up to then.
        var at = ApiHarness.Close.AddMinutes(-5);
        market.Quote(put, 1.25m, 1.35m, at.AddMinutes(-1));
        var placed = await new PaperBroker(Db.DataSource, market, new PaperBrokerSettings(), new RealTimersClock(at))
            .PlaceAsync(new OrderTicket("typed-at-the-broker", "SPY", new([new OrderLeg(put, OrderSide.SellToOpen, 1)]), 1, null, at), CancellationToken.None);
        Assert.Equal(OrderStatus.Filled, placed.Status);

        var report = await Api.GetJsonAsync("/api/broker/reconcile");

        Assert.False(report.GetProperty("matches").GetBoolean());
        var difference = Assert.Single(report.GetProperty("differences").EnumerateArray());
        Assert.Equal((put.OccSymbol, "ONLY_AT_BROKER", -1), (difference.GetProperty("symbol").GetString(), difference.GetProperty("kind").GetString(), difference.GetProperty("broker_contracts").GetInt32()));
        Assert.Equal(0, await Db.CountAsync("broker_reconciliations"));
        Assert.Equal(0, await Db.CountAsync("outbox", "payload->>'kind' = 'broker_mismatch'"));
        Assert.Equal(1, await Db.CountAsync("trading_controls", "trading_state = 'ACTIVE'"));
    }
}
