using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Brokers;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Proposals;

/// <summary>
/// Approvals killed half way and finished by recovery, and many approvers at once, on the 3-contract SPY 370 put of
/// 2021-03-01 (credit 3.67) against a market that fills one contract and then lets the limit rest.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ApprovalRecoveryTests(PostgresServer server) : IAsyncLifetime
{
    private const string RequestId = "prop-20210301-SPY-CSP";
    private static readonly DateTimeOffset Close = new(2021, 3, 1, 21, 0, 0, TimeSpan.Zero);
    private static readonly RiskSettings Risk = new() { MaxOrderNotional = 200_000m, MaxOrderNotionalPercent = 50m };
    private static readonly PaperBrokerSettings Paper = new() { StartingEquity = 400_000m, MaxContractsPerFill = 1 };
    private static readonly ExecutionSettings Execution = new() { AllowOutsideSession = true, FillTimeoutSeconds = 30, PollIntervalSeconds = 1 };
    private readonly ManualClock _clock = new(Close);
    private readonly IMarketData _market = new ShiftedMarketData(ProposalHarness.SpyChains2021, Close, 0.05m);
    private TestDatabase _db = null!;
    private ProposalHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(server);
        _harness = new ProposalHarness(_db, _clock, Risk, Paper);
        var proposed = await _harness.Proposals(ProposalHarness.SpyOnly("CSP"), new SizingSettings { RiskPerTradePct = 30m })
            .RunAsync(Close, CancellationToken.None);
        Assert.Equal((RequestId, 3), (Assert.Single(proposed.Proposals).RequestId, proposed.Proposals[0].Quantity));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task KilledAfterTheBrokerTookTheOrder_RecoveryFollowsItAndBooksWhatFilled_WithoutASecondOrder()
    {
        var broker = _harness.Broker(_market);
        var dying = new RecordingBroker(broker) { Crash = CrashPoint.AfterPlace };
        await Assert.ThrowsAsync<SimulatedCrashException>(() => _harness.Approvals(Execution, _market, dying).ApproveAsync(RequestId, "alice", CancellationToken.None));
        Assert.Equal(1, await _db.CountAsync("trade_requests", "status = 'EXECUTING'"));
        Assert.Equal(0, await _db.CountAsync("positions"));

        // The restart takes a second; by then the market has moved away from the limit.
        _clock.Set(Close.AddSeconds(1));
        var restarted = new RecordingBroker(broker);
        var outcome = await _harness.Approvals(Execution, _market, restarted).ResumeAsync(RequestId, CancellationToken.None);

        var position = (await _db.Positions(_clock).FindByRequestIdAsync(RequestId))!;
        Assert.Equal(ProposalStatus.Executed, outcome!.Status);
        Assert.Equal($"executed: position {position.PositionId} opened at a credit of 3.67; partial fill: 1 of 3 contracts, 2 cancelled", outcome.Message);
        Assert.Equal((1, 3.67m), (position.Quantity, position.EntryPrice));
        Assert.Equal([$"open-{RequestId}"], dying.Placed.Concat(restarted.Placed).Distinct());
        Assert.Single(await broker.GetFillsAsync($"open-{RequestId}", CancellationToken.None));
        Assert.Equal(1, await _db.CountAsync("orders", "status = 'CANCELLED' AND filled_quantity = 1"));
        Assert.Equal(1, await _db.CountAsync("fills", "quantity = 1 AND fees = 0.65"));
        Assert.Equal(1, await _db.CountAsync("outbox", "payload->>'kind' = 'executed'"));
        Assert.Null(await _harness.Approvals(Execution, _market, broker).ResumeAsync(RequestId, CancellationToken.None));
    }

    [Fact]
    public async Task KilledBeforeTheBrokerCall_RecoveryFailsTheProposal_AndSendsNothingLate()
    {
        var broker = _harness.Broker(_market);
        var dying = new RecordingBroker(broker) { Crash = CrashPoint.BeforePlace };
        await Assert.ThrowsAsync<SimulatedCrashException>(() => _harness.Approvals(Execution, _market, dying).ApproveAsync(RequestId, "alice", CancellationToken.None));

        var restarted = new RecordingBroker(broker);
        var outcome = await _harness.Approvals(Execution, _market, restarted).ResumeAsync(RequestId, CancellationToken.None);

        Assert.Equal(ProposalStatus.Failed, outcome!.Status);
        Assert.Equal("failed: order not filled: interrupted before the order reached the broker; not sent late", outcome.Message);
        Assert.Empty(dying.Placed.Concat(restarted.Placed));
        Assert.Equal(0, await _db.CountAsync("positions"));
        Assert.Equal(1, await _db.CountAsync("orders", "status = 'REJECTED' AND filled_quantity = 0"));
        Assert.Equal(1, await _db.CountAsync("outbox", "payload->>'kind' = 'proposal_failed'"));
    }

    [Fact]
    public async Task LeftApprovedWithNoOrder_RecoveryFailsIt()
    {
        await _harness.Store().TransitionAsync(RequestId, [ProposalStatus.Proposed], ProposalStatus.Approved, "alice", null, Close, CancellationToken.None);

        var outcome = await _harness.Approvals(Execution, _market).ResumeAsync(RequestId, CancellationToken.None);

        Assert.Equal(ProposalStatus.Failed, outcome!.Status);
        Assert.Equal("failed: interrupted before its opening order was sent; not sent late", outcome.Message);
        Assert.Equal(0, await _db.CountAsync("orders"));
    }

    [Fact]
    public async Task OneHundredFiftyConcurrentApprovals_OfARestingOrder_OneOrder_EveryCallerTheSameAnswer()
    {
        var broker = new RecordingBroker(_harness.Broker(_market));
        var approvals = _harness.Approvals(Execution, _market, broker);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 150).Select(i => Task.Run(() => approvals.ApproveAsync(RequestId, $"user{i}", CancellationToken.None))));

        Assert.Single(broker.Placed);
        var outcome = Assert.Single(outcomes.Distinct());
        Assert.Equal(ProposalStatus.Executed, outcome.Status);
        Assert.EndsWith("partial fill: 1 of 3 contracts, 2 cancelled", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(1, await _db.CountAsync("orders"));
        Assert.Equal(1, await _db.CountAsync("positions", "quantity = 1"));
    }
}
