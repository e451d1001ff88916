using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Brokers;
using OptionsAutomation.Infrastructure.InMemory;
using OptionsAutomation.Infrastructure.MarketData.Synthetic;
using OptionsAutomation.Infrastructure.Postgres;
using OptionsAutomation.Infrastructure.Risk;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.InMemory;

/// <summary>
/// Guards the in-memory book against drifting from Postgres: <see cref="DriftScenario"/> runs through the same
/// <see cref="TradingServices"/> once over the Postgres adapters and the Postgres paper broker (a real database) and once
/// over <see cref="InMemoryBook"/>, and everything each book then holds — positions, trade history, proposals, orders
/// with their history and fills, fills per position, controls, alerts, equity — and every answer the services gave must
/// be equal. A new event, column or rule that only one side follows fails here.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class InMemoryBookDriftTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly SyntheticMarketData Market = new(new SyntheticMarketDataSettings());
    private static readonly TradingSettings Settings = new() { Proposals = DriftScenario.Watchlist };
    private static readonly PaperBrokerSettings Paper = new();
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(server);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task OneScenario_LeavesTheSameBook_InPostgresAndInMemory()
    {
        var stored = await RunOnPostgresAsync();
        var kept = await RunInMemoryAsync();

        // The scenario did what it is for: two opens, a person's rejection, a profit-target exit, a rejected closing order
        // and a settlement at expiration.
        Assert.Equal(2, stored.Proposals.Count(p => p.Status == ProposalStatus.Executed));
        Assert.Single(stored.Proposals, p => p.Status == ProposalStatus.Rejected);
        var (csp, vpc) = (stored.Positions.Single(p => p.Ticker == "IWM"), stored.Positions.Single(p => p.Ticker == "SPY"));
        Assert.Equal((ExitReason.ProfitTarget, DriftScenario.ProfitTaken), (csp.ExitReason, csp.ExitDate));
        Assert.Single(stored.Orders, o => o is { Intent: OrderIntent.Close, State: OrderStatus.Rejected, Reason: "21dte" } && o.PositionId == vpc.PositionId);
        Assert.True(vpc.ExitReason is ExitReason.Expired or ExitReason.Assigned, $"{vpc.ExitReason}");
        Assert.Equal(2, stored.Trades.Count);

        Assert.Equal(stored.Answers, kept.Answers);
        Assert.Equal(stored.Positions, kept.Positions);
        Assert.Equal(stored.Trades, kept.Trades);
        Assert.Equal(stored.Proposals, kept.Proposals);
        Assert.Equal(stored.Orders, kept.Orders);
        Assert.Equal(stored.Fills, kept.Fills);
        Assert.Equal(stored.Controls, kept.Controls);
        Assert.Equal(stored.Alerts, kept.Alerts);
        Assert.Equal(stored.Equity, kept.Equity);
    }

    private async Task<BookOutcome> RunOnPostgresAsync()
    {
        var clock = new RealTimersClock(DriftScenario.Open);
        var market = new OverlaidMarketData(Market);
        var source = _db.DataSource;
        var ports = new TradingPorts(
            new PostgresTradingJournal(source, NullLogger<PostgresTradingJournal>.Instance, Settings.Risk), new PostgresPositionStore(source),
            new PostgresProposalStore(source), new PostgresOrderRecords(source), new PostgresMarkLedger(source), new PostgresCloseLedger(source),
            new PostgresAlertQueue(source), new PostgresTradingControls(source), new PaperAccount(source, Paper), new PostgresRiskHistory(source),
            new PaperBroker(source, market, Paper, clock), new AdvancingDelay(clock), market);
        var answers = await DriftScenario.RunAsync(new TradingServices(ports, Settings, clock), market, Market, clock.SetUtcNow);
        return await BookOutcome.ReadAsync(answers, ports.Positions, ports.Proposals, ports.Orders, ports.Controls, ports.Account, await OutboxAsync());
    }

    private static async Task<BookOutcome> RunInMemoryAsync()
    {
        var clock = new SimulatedClock(DriftScenario.Open);
        var market = new OverlaidMarketData(Market);
        var book = new InMemoryBook(Settings, Paper, market, clock);
        var answers = await DriftScenario.RunAsync(book.Services, market, Market, clock.SetUtcNow);
        return await BookOutcome.ReadAsync(answers, book.Positions, book.Proposals, book.Orders, book.Controls, book.Account, book.Alerts);
    }

    private async Task<IReadOnlyList<Alert>> OutboxAsync()
    {
        await using var connection = await _db.DataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(string Key, string Kind, string Text, long? PositionId, string? RequestId)>(
            "SELECT dedup_key, payload->>'kind', payload->>'text', (payload->>'position_id')::bigint, payload->>'request_id' FROM outbox ORDER BY message_id");
        return [.. rows.Select(r => new Alert(r.Key, r.Kind, r.Text, r.PositionId, r.RequestId))];
    }
}
