using OptionsAutomation.Core;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Reconciliation;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Infrastructure.Brokers;
using OptionsAutomation.Infrastructure.Postgres;
using OptionsAutomation.Integration.Tests.Cli;
using OptionsAutomation.Integration.Tests.Proposals;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Reconciliation;

/// <summary>
/// Reconciliation against the paper broker: a SPY 580 put (June 2027) is opened through the broker from an approved
/// proposal, so both books hold it; then someone sells a 575 put at the broker by hand, under a client order id we never
/// recorded. The comparison runs in-process and then as <c>optauto broker reconcile --json</c>.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
public sealed class BrokerReconciliationTests(PostgresServer server) : CliTestBase(server)
{
    // Friday 2026-02-27, 10:35 New York.
    private static readonly DateTimeOffset T0 = new(2026, 2, 27, 15, 35, 0, TimeSpan.Zero);
    private static readonly DateOnly June2027 = new(2027, 6, 18);
    private static readonly OptionContract Put580 = new("SPY", June2027, OptionRight.Put, 580m);
    private static readonly OptionContract Put575 = new("SPY", June2027, OptionRight.Put, 575m);
    private static readonly RiskSettings Risk = new() { MaxOrderNotional = 200_000m, MaxOrderNotionalPercent = 80m };
    private readonly RealTimersClock _clock = new(T0);
    private readonly ScriptedMarketData _market = new();

    private BrokerReconciliationService Reconciliation(ProposalHarness harness) => new(
        harness.Broker(_market), Db.Store(_clock), new PostgresOrderRecords(Db.DataSource), new PostgresReconciliationLog(Db.DataSource), Db.Journal(),
        new ReconciliationSettings(), _clock);

    private async Task<ProposalHarness> OpenThroughTheBrokerAsync()
    {
        _market.Quote(Put580, 1.45m, 1.55m, T0.AddMinutes(-1));
        _market.Quote(Put575, 1.25m, 1.35m, T0.AddMinutes(-1));
        var harness = new ProposalHarness(Db, _clock, Risk);
        var strategy = CreditStrategy.Create(StrategyType.CashSecuredPut, "SPY", June2027, 580m, null, 1.50m);
        await using (var entry = await Db.Journal().BeginAsync(CancellationToken.None))
        {
            await entry.CreateProposalAsync(new TradeProposal
            {
            RequestId = "recon-1", Status = ProposalStatus.Proposed, Ticker = "SPY", StrategyType = StrategyType.CashSecuredPut, Expiration = June2027,
            ShortStrike = 580m, NetCredit = 1.50m, Quantity = 1, MaxLoss = 57_850m, Collateral = 58_000m, Legs = new(strategy.Legs),
            ProposedAt = T0, ExpiresAt = T0.AddMinutes(30), UpdatedAt = T0,
            }, CancellationToken.None);
            await entry.CommitAsync([], T0, CancellationToken.None);
        }

        var outcome = await harness.Approvals(new ExecutionSettings(), _market).ApproveAsync("recon-1", "alice", CancellationToken.None);
        Assert.Equal(ProposalStatus.Executed, outcome.Status);
        return harness;
    }

    [Fact]
    public async Task AMatchingBook_RaisesNothing_AManualTradeAtTheBroker_AlertsOnceAndReduces_AndTheCliShowsIt()
    {
        var harness = await OpenThroughTheBrokerAsync();
        var reconciliation = Reconciliation(harness);

        var clean = await reconciliation.RunAsync(CancellationToken.None);

        Assert.True(clean.Report.Matches);
        var line = Assert.Single(clean.Report.Lines);
        Assert.Equal((Put580.OccSymbol, -1, -1, 1.50m, 1.50m), (line.Symbol, line.OurContracts, line.BrokerContracts, line.OurAveragePrice, line.BrokerAveragePrice));
        Assert.False(clean.Alerted);
        Assert.Equal(0, await Db.CountAsync("outbox", "payload->>'kind' = 'broker_mismatch'"));
        Assert.Equal(1, await Db.CountAsync("broker_reconciliations", "matched AND signature = ''"));

        // Someone sells a 575 put at the broker by hand: an order we never recorded.
        await harness.Broker(_market).PlaceAsync(
            new OrderTicket("typed-at-the-broker", "SPY", new([new OrderLeg(Put575, OrderSide.SellToOpen, 1)]), 1, null, T0), CancellationToken.None);
        _clock.SetUtcNow(T0.AddMinutes(5));

        var found = await reconciliation.RunAsync(CancellationToken.None);

        var difference = Assert.Single(found.Report.Differences);
        Assert.Equal((Put575.OccSymbol, ReconciliationDifference.OnlyAtBroker, 0, -1), (difference.Symbol, difference.Kind, difference.OurContracts, difference.BrokerContracts));
        Assert.True(found.Alerted);
        Assert.Equal(TradingState.Reducing, found.StateSetTo);
        Assert.Equal(TradingState.Reducing, (await harness.Controls().GetAsync(CancellationToken.None)).State);
        Assert.Equal(1, await Db.CountAsync("outbox",
            "payload->>'kind' = 'broker_mismatch' AND payload->>'text' LIKE 'Broker positions differ from ours: SPY 270618P00575000 ONLY_AT_BROKER ours 0 broker -1. Trading set to REDUCING%'"));
        Assert.Equal(1, await Db.CountAsync("audit_events", "event_type = 'broker.mismatch'"));
        // Nothing is fixed: our book still holds only the 580 put, and no order was sent.
        Assert.Equal(1, await Db.CountAsync("positions", "status = 'OPEN'"));
        Assert.Equal(1, await Db.CountAsync("orders"));

        // The same difference, as a process: shown, exit code 1, not alerted again.
        var json = (await Cli.RunAsync("broker", "reconcile", "--json")).WasRefused().Json();
        var shown = Assert.Single(json.GetProperty("report").GetProperty("differences").Items());
        Assert.Equal((Put575.OccSymbol, "ONLY_AT_BROKER", 0L, -1L), (shown.Str("symbol"), shown.Str("kind"), shown.Int("our_contracts"), shown.Int("broker_contracts")));
        Assert.False(json.GetProperty("alerted").GetBoolean());
        Assert.Equal(1, await Db.CountAsync("outbox", "payload->>'kind' = 'broker_mismatch'"));
        Assert.Equal(3, await Db.CountAsync("broker_reconciliations"));
    }

    [Fact]
    public async Task ANewDifference_WhoseAlertCannotBeQueued_ChangesNothing_ThenTheNextRunDoesItAll()
    {
        var harness = await OpenThroughTheBrokerAsync();
        var reconciliation = Reconciliation(harness);
        await harness.Broker(_market).PlaceAsync(
            new OrderTicket("typed-at-the-broker", "SPY", new([new OrderLeg(Put575, OrderSide.SellToOpen, 1)]), 1, null, T0), CancellationToken.None);
        await Db.FailOutboxInsertsAsync();

        await Assert.ThrowsAnyAsync<Npgsql.PostgresException>(() => reconciliation.RunAsync(CancellationToken.None));

        // The run, the state change, the audit event and the alert are one entry: none of them is written.
        Assert.Equal(0, await Db.CountAsync("broker_reconciliations"));
        Assert.Equal(TradingState.Active, (await harness.Controls().GetAsync(CancellationToken.None)).State);
        Assert.Equal(0, await Db.CountAsync("audit_events", "event_type IN ('broker.mismatch', 'trading.state_changed')"));

        await Db.ExecuteAsync("DROP TRIGGER fail_outbox ON outbox");
        var found = await reconciliation.RunAsync(CancellationToken.None);

        Assert.True(found.Alerted);
        Assert.Equal(TradingState.Reducing, (await harness.Controls().GetAsync(CancellationToken.None)).State);
        Assert.Equal(1, await Db.CountAsync("outbox", "payload->>'kind' = 'broker_mismatch'"));
        Assert.Equal(1, await Db.CountAsync("broker_reconciliations", "NOT matched"));
    }
}
