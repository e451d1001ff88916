using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Proposals.Sizing;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Proposals;

/// <summary>
/// The sizing explanation stored with a proposal in Postgres: the SPY 370 put of 2021-03-01 (collateral 37,000) sized by
/// <c>kelly</c> on an account without closed trades, which falls back to <c>fixed</c>: 50% of 100,000 = 50,000 → 1.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SizingStorageTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly DateTimeOffset Close = new(2021, 3, 1, 21, 0, 0, TimeSpan.Zero);

    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(server);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task TheExplanation_RoundTripsThroughTradeRequests()
    {
        var harness = new ProposalHarness(_db, new RealTimersClock(Close), new RiskSettings());

        var run = await harness.Proposals(ProposalHarness.SpyOnly("CSP"), new SizingSettings { Strategy = "kelly" }).RunAsync(Close, CancellationToken.None);

        var proposal = Assert.Single(run.Proposals);
        var sizing = proposal.Sizing!;
        Assert.Equal((1, "fixed", "trade_budget"), (sizing.Contracts, sizing.Strategy, sizing.BindingLimit));
        Assert.Equal(new SizingFallback("kelly", "0 closed trade(s) of this strategy, fewer than KellyMinTrades 30"), sizing.Fallback);
        Assert.Equal([("trade_budget", 50_000m), ("room", 80_000m), ("budget", 50_000m), ("contracts", 1m)], sizing.Steps.Select(s => (s.Name, s.Value)));
        Assert.Equal(0.37m, sizing.FractionOfEquity);
        Assert.Equal(sizing, Assert.Single(run.Sizings));
        Assert.Equal(sizing, (await harness.Store().FindAsync(proposal.RequestId, CancellationToken.None))!.Sizing);
        Assert.Equal(1, await _db.CountAsync("trade_requests",
            "sizing->>'strategy' = 'fixed' AND sizing->'fallback'->>'from' = 'kelly' AND (sizing->>'contracts')::int = quantity"));
    }
}
