using System.Globalization;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Marks;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Pricing;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Brokers.TradeStation;
using OptionsAutomation.Infrastructure.Postgres;
using OptionsAutomation.Integration.Tests.Brokers.TradeStation.Server;
using OptionsAutomation.Integration.Tests.Exits;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.MarketData.TradeStation;

/// <summary>
/// The five-minute exit sweep over fifty open positions (real rows in Postgres) priced by the TradeStation adapter: the
/// first leg question fetches every held leg and underlying in one quote request, and the other questions hit the cache.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TradeStationExitSweepTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly DateTimeOffset OpenedAt = new(2025, 3, 20, 14, 0, 0, TimeSpan.Zero);
    private readonly RealTimersClock _clock = new(TsMarket.Now);
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(server);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task ASweepOfFiftyPositions_CostsOneQuoteRequest_AndMarksEveryOne()
    {
        await using var h = await TsMarket.StartAsync(_clock);
        var exits = new ExitHarness(_db, _clock);
        var april17 = new DateOnly(2025, 4, 17);
        var may16 = new DateOnly(2025, 5, 16);
        for (var i = 0; i < 30; i++)
        {
            await exits.OpenCspAsync($"spy-csp-{i}", 480m + (i % 13 * 5m), 2.00m, i % 2 == 0 ? april17 : may16, OpenedAt);
        }

        for (var i = 0; i < 10; i++)
        {
            await exits.OpenCspAsync($"qqq-csp-{i}", 400m + (i * 5m), 2.00m, april17, OpenedAt, ticker: "QQQ");
            await exits.OpenVpcAsync($"spy-vpc-{i}", 500m - (i * 5m), 495m - (i * 5m), 1.00m, may16, OpenedAt);
        }

        var legs = (await _db.Store(_clock).ListAsync(PositionStatusFilter.Open, null, CancellationToken.None))
            .SelectMany(p => p.Legs.Select(l => l.Contract)).Distinct().ToList();
        foreach (var contract in legs)
        {
            h.Server.SetQuote(new TsQuote(TradeStationSymbols.ToTradeStation(contract), "1.02", "1.00", "1.04", "2025-04-02T13:00:00Z", "500"));
        }

        var positions = _db.Store(_clock);
        var marketData = TsMarket.MarketData(h, watchlist: ["SPY", "QQQ", "IWM"], positions: positions);
        var rules = new ExitRuleSettings();
        var sweep = new ExitService(
            positions,
            new MarkToMarketService(positions, new PostgresMarkLedger(_db.DataSource), new PositionValuer(marketData, rules), new GreeksEstimator(new PricingSettings()), _clock),
            exits.Closes, exits.Journal, exits.Alerts, new OrderExecutor(exits.Broker, new ExecutionSettings(), new AdvancingDelay(_clock), _clock, exits.Journal), exits.Controls,
            new KeyedGate(), rules, new NyseCalendar(), new ExecutionSettings(), new PriceWalkPlanner(marketData, new ExecutionSettings(), new ProposalSettings()), _clock);

        var first = await sweep.RunAsync(_clock.GetUtcNow(), execute: false, CancellationToken.None);
        _clock.SetUtcNow(TsMarket.Now.AddMinutes(5));
        var second = await sweep.RunAsync(_clock.GetUtcNow(), execute: false, CancellationToken.None);

        Assert.Equal(50, first.Count);
        Assert.All(first.Concat(second), c => Assert.Equal(c.Position.StrategyType == Core.Instruments.StrategyType.VerticalPutCredit ? 0m : 1.02m, c.Decision.MarkPrice));
        var requests = h.Server.Calls("GET", "/marketdata/quotes/");
        Assert.Equal(2, requests.Count);
        var symbols = requests[0].Path["/v3/marketdata/quotes/".Length..].Split(',');
        Assert.Equal(legs.Count + 3, symbols.Length);
        Assert.True(legs.Count > 40, legs.Count.ToString(CultureInfo.InvariantCulture));
        Assert.Empty(h.Server.Calls("GET", "/marketdata/stream/"));
    }
}
