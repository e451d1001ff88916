using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Infrastructure.Brokers;
using OptionsAutomation.Integration.Tests.Proposals;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary>
/// An opening order that walks: the SPY 370 put of 2021-03-01 (bid 3.65, ask 3.69: mid 3.67) is proposed and approved on
/// the real chain, while the paper broker trades on that chain lowered by 0.02 (its mid credit 3.65). Four steps of 5 s
/// toward the bid are 3.67, 3.665, 3.66, 3.655, 3.65; half ticks keep the larger credit, so the walk sells at 3.67, then
/// 3.66 at 10 s and 3.65 at 20 s, where it fills.
/// Then <c>proposals show</c>, <c>positions show</c> and <c>orders list</c> run as processes and list the steps.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
public sealed class PriceWalkCliTests(PostgresServer server) : CliTestBase(server)
{
    private const string RequestId = "prop-20210301-SPY-CSP";
    private static readonly DateTimeOffset Close = new(2021, 3, 1, 21, 0, 0, TimeSpan.Zero);
    private static readonly RiskSettings Risk = new() { MaxOrderNotional = 200_000m, MaxOrderNotionalPercent = 50m };
    private static readonly ExecutionSettings Walking = new()
    {
        AllowOutsideSession = true, FillTimeoutSeconds = 30, PollIntervalSeconds = 1, PriceWalk = new PriceWalkSettings { Steps = 4, StepSeconds = 5 },
    };

    [Fact]
    public async Task AnOpeningOrderWalksUntilItFills_AndTheShowCommandsListEveryStep()
    {
        var clock = new RealTimersClock(Close);
        var harness = new ProposalHarness(Db, clock, Risk, new PaperBrokerSettings { StartingEquity = 400_000m });
        var proposal = Assert.Single((await harness.Proposals(ProposalHarness.SpyOnly("CSP"), new SizingSettings { CollateralPerTradePct = 10m })
            .RunAsync(Close, CancellationToken.None)).Proposals);
        Assert.Equal((RequestId, 3.67m), (proposal.RequestId, proposal.NetCredit));
        var exchange = harness.Broker(new ShiftedMarketData(ProposalHarness.SpyChains2021, Close.AddSeconds(-1), 0.02m));

        var outcome = await harness.Approvals(Walking, ProposalHarness.SpyChains2021, exchange).ApproveAsync(RequestId, "alice", CancellationToken.None);

        Assert.Equal(ProposalStatus.Executed, outcome.Status);
        Assert.Equal(3.65m, outcome.FillPrice);
        Assert.Equal(Close.AddSeconds(20), clock.GetUtcNow());
        Assert.Equal(1, await Db.CountAsync("orders", $"client_order_id = 'open-{RequestId}' AND status = 'FILLED' AND limit_price = -3.65 AND fill_price = -3.65"));

        var shown = (await Cli.RunAsync("proposals", "show", RequestId, "--json")).Succeeded().Json();
        var steps = shown.GetProperty("price_steps").Items();
        Assert.Equal([1L, 2L], steps.Select(s => s.Int("step")));
        Assert.Equal([-3.67m, -3.66m], steps.Select(s => s.Dec("from")));
        Assert.Equal([-3.66m, -3.65m], steps.Select(s => s.Dec("to")));
        // The cap is the screener's minimum CSP credit (1.00), never reached here.
        Assert.All(steps, s => Assert.Equal(($"open-{RequestId}", -1.00m, "alice"), (s.Str("client_order_id"), s.Dec("cap"), s.Str("actor"))));
        Assert.Equal([Close.AddSeconds(10), Close.AddSeconds(20)], steps.Select(s => s.Instant("at")));

        var position = (await Cli.RunAsync("positions", "show", RequestId, "--json")).Succeeded().Json();
        Assert.Equal([-3.66m, -3.65m], position.GetProperty("price_steps").Items().Select(s => s.Dec("to")));
        Assert.Contains("2 price step(s)", (await Cli.RunAsync("proposals", "show", RequestId)).Succeeded().Stdout, StringComparison.Ordinal);

        var order = Assert.Single((await Cli.RunAsync("orders", "list", "--json")).Succeeded().Json().Items());
        Assert.Equal(-3.65m, order.Dec("limit_price"));
        Assert.Equal([-3.66m, -3.65m], order.GetProperty("reprices").Items().Select(s => s.Dec("to")));
    }
}
