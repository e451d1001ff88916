using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Brokers;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Proposals;

/// <summary>
/// Approving a 3-contract SPY 370 put proposal (partial fills, approvals killed half way and finished by recovery, many
/// approvers at once) (2021-03-01 chain, credit 3.67 at the mid) when the market
/// lets only part of it fill: the paper broker fills at most one contract per look, and after the first look
/// the quotes drop 0.05 so the 3.67 limit rests until the 30 s fill timeout cancels it.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PartialFillApprovalTests(PostgresServer server) : IAsyncLifetime
{
    private const string RequestId = "prop-20210301-SPY-CSP";
    private static readonly DateTimeOffset Close = new(2021, 3, 1, 21, 0, 0, TimeSpan.Zero);
    private static readonly RiskSettings Risk = new() { MaxOrderNotional = 200_000m, MaxOrderNotionalPercent = 50m };
    private static readonly PaperBrokerSettings Paper = new() { StartingEquity = 400_000m, MaxContractsPerFill = 1 };
    // The limit rests at the proposal's 3.67 on purpose: no price walk toward the bid.
    private static readonly ExecutionSettings Execution = new()
    {
        AllowOutsideSession = true, FillTimeoutSeconds = 30, PollIntervalSeconds = 1, PriceWalk = new PriceWalkSettings { Enabled = false },
    };
    private readonly RealTimersClock _clock = new(Close);
    private TestDatabase _db = null!;

    /// <summary>Fills one contract at the first look, then the quotes drop 0.05 and the rest of the limit rests.</summary>
    private IMarketData Resting => new ShiftedMarketData(ProposalHarness.SpyChains2021, Close, 0.05m);
    private ProposalHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(server);
        // 30% of 400,000 = 120,000 against 37,000 of collateral per contract → 3 contracts.
        _harness = new ProposalHarness(_db, _clock, Risk, Paper);
        var proposed = await _harness.Proposals(ProposalHarness.SpyOnly("CSP"), new SizingSettings { CollateralPerTradePct = 30m })
            .RunAsync(Close, CancellationToken.None);
        var proposal = Assert.Single(proposed.Proposals);
        Assert.Equal((RequestId, 3, 3.67m), (proposal.RequestId, proposal.Quantity, proposal.NetCredit));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task OneOfThreeFilled_ThenTimeout_OpensOneContract_ExecutedAndReportsTwoCancelled()
    {
        var outcome = await Approvals(new ShiftedMarketData(ProposalHarness.SpyChains2021, Close, 0.05m)).ApproveAsync(RequestId, "alice", CancellationToken.None);

        var position = (await _db.Positions(_clock).FindByRequestIdAsync(RequestId))!;
        Assert.Equal(ProposalStatus.Executed, outcome.Status);
        Assert.Equal($"executed: position {position.PositionId} opened at a credit of 3.67; partial fill: 1 of 3 contracts, 2 cancelled", outcome.Message);
        Assert.Equal((1, 3.67m, 0.65m, PositionStatus.Open), (position.Quantity, position.EntryPrice, position.Fees, position.Status));
        Assert.Equal(Close.AddSeconds(30), _clock.GetUtcNow());
        Assert.Equal(1, await _db.CountAsync("orders",
            $"client_order_id = 'open-{RequestId}' AND status = 'CANCELLED' AND quantity = 3 AND filled_quantity = 1 AND fill_price = -3.67 AND fees = 0.65 AND position_id = {position.PositionId}"));
        Assert.Equal(1, await _db.CountAsync("fills", $"position_id = {position.PositionId} AND quantity = 1 AND price = 3.67"));
        Assert.Equal(["order.submitted", "order.partially_filled", "order.cancelled"], await OrderEventsAsync());
        Assert.Equal(1, await _db.CountAsync("trade_requests", $"request_id = '{RequestId}' AND status = 'EXECUTED' AND position_id = {position.PositionId}"));
        Assert.Equal(1, await _db.CountAsync("outbox",
            $"payload->>'kind' = 'executed' AND payload->>'text' = 'Proposal {RequestId} executed — SPY CSP × 1 (partial fill: 1 of 3, 2 cancelled: not filled within 30 s) at a credit of 3.67 — position {position.PositionId}'"));
    }

    [Fact]
    public async Task NothingFilled_BeforeTheTimeout_FailsWithTheReason()
    {
        // Lowered from the start: the gate still passes (3.62 is within 5% of 3.67) but the limit is never reached.
        var outcome = await Approvals(new ShiftedMarketData(ProposalHarness.SpyChains2021, Close.AddSeconds(-1), 0.05m)).ApproveAsync(RequestId, "alice", CancellationToken.None);

        Assert.Equal(ProposalStatus.Failed, outcome.Status);
        Assert.Equal("failed: order not filled: cancelled: not filled within 30 s", outcome.Message);
        Assert.Equal(0, await _db.CountAsync("positions"));
        Assert.Equal(0, await _db.CountAsync("fills"));
        Assert.Equal(1, await _db.CountAsync("orders", "status = 'CANCELLED' AND filled_quantity = 0 AND error = 'cancelled: not filled within 30 s'"));
        Assert.Equal(["order.submitted", "order.accepted", "order.cancelled"], await OrderEventsAsync());
        Assert.Equal(1, await _db.CountAsync("outbox", "payload->>'kind' = 'proposal_failed'"));
        // A limit the market did not come to is an outcome, not an execution error: the breaker counts nothing.
        Assert.Equal(1, await _db.CountAsync("trading_controls", "consecutive_errors = 0"));
    }

    private async Task<List<string>> OrderEventsAsync()
    {
        await using var command = _db.DataSource.CreateCommand("SELECT event_type FROM audit_events WHERE event_type LIKE 'order.%' ORDER BY event_id");
        await using var reader = await command.ExecuteReaderAsync();
        var events = new List<string>();
        while (await reader.ReadAsync())
        {
            events.Add(reader.GetString(0));
        }

        return events;
    }

    [Fact]
    public async Task KilledAfterTheBrokerTookTheOrder_RecoveryFollowsItAndBooksWhatFilled_WithoutASecondOrder()
    {
        var broker = _harness.Broker(Resting);
        var dying = new RecordingBroker(broker) { Crash = CrashPoint.AfterPlace };
        await Assert.ThrowsAsync<SimulatedCrashException>(() => _harness.Approvals(Execution, Resting, dying).ApproveAsync(RequestId, "alice", CancellationToken.None));
        Assert.Equal(1, await _db.CountAsync("trade_requests", "status = 'EXECUTING'"));
        Assert.Equal(0, await _db.CountAsync("positions"));

        // The restart takes a second; by then the market has moved away from the limit.
        _clock.SetUtcNow(Close.AddSeconds(1));
        var restarted = new RecordingBroker(broker);
        var outcome = await _harness.Approvals(Execution, Resting, restarted).ResumeAsync(RequestId, CancellationToken.None);

        var position = (await _db.Positions(_clock).FindByRequestIdAsync(RequestId))!;
        Assert.Equal(ProposalStatus.Executed, outcome!.Status);
        Assert.Equal($"executed: position {position.PositionId} opened at a credit of 3.67; partial fill: 1 of 3 contracts, 2 cancelled", outcome.Message);
        Assert.Equal((1, 3.67m), (position.Quantity, position.EntryPrice));
        Assert.Equal([$"open-{RequestId}"], dying.Placed.Concat(restarted.Placed).Distinct());
        Assert.Single(await broker.GetFillsAsync($"open-{RequestId}", CancellationToken.None));
        Assert.Equal(1, await _db.CountAsync("orders", "status = 'CANCELLED' AND filled_quantity = 1"));
        Assert.Equal(1, await _db.CountAsync("fills", "quantity = 1 AND fees = 0.65"));
        Assert.Equal(1, await _db.CountAsync("outbox", "payload->>'kind' = 'executed'"));
        Assert.Null(await _harness.Approvals(Execution, Resting, broker).ResumeAsync(RequestId, CancellationToken.None));
    }

    [Fact]
    public async Task KilledBeforeTheBrokerCall_RecoveryFailsTheProposal_AndSendsNothingLate()
    {
        var broker = _harness.Broker(Resting);
        var dying = new RecordingBroker(broker) { Crash = CrashPoint.BeforePlace };
        await Assert.ThrowsAsync<SimulatedCrashException>(() => _harness.Approvals(Execution, Resting, dying).ApproveAsync(RequestId, "alice", CancellationToken.None));

        var restarted = new RecordingBroker(broker);
        var outcome = await _harness.Approvals(Execution, Resting, restarted).ResumeAsync(RequestId, CancellationToken.None);

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
        await _db.DecideAsync(RequestId, ProposalStatus.Proposed, ProposalStatus.Approved, "alice", Close);

        var outcome = await _harness.Approvals(Execution, Resting).ResumeAsync(RequestId, CancellationToken.None);

        Assert.Equal(ProposalStatus.Failed, outcome!.Status);
        Assert.Equal("failed: interrupted before its opening order was sent; not sent late", outcome.Message);
        Assert.Equal(0, await _db.CountAsync("orders"));
    }

    [Fact]
    public async Task OneHundredFiftyConcurrentApprovals_OfARestingOrder_OneOrder_EveryCallerTheSameAnswer()
    {
        var broker = new RecordingBroker(_harness.Broker(Resting));
        var approvals = _harness.Approvals(Execution, Resting, broker);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 150).Select(i => Task.Run(() => approvals.ApproveAsync(RequestId, $"user{i}", CancellationToken.None))));

        Assert.Single(broker.Placed);
        var outcome = Assert.Single(outcomes.Distinct());
        Assert.Equal(ProposalStatus.Executed, outcome.Status);
        Assert.EndsWith("partial fill: 1 of 3 contracts, 2 cancelled", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(1, await _db.CountAsync("orders"));
        Assert.Equal(1, await _db.CountAsync("positions", "quantity = 1"));
    }

    private ApprovalService Approvals(IMarketData market) => _harness.Approvals(Execution, market);
}
