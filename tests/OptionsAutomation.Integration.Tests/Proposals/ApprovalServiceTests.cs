using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Core.Trading.Journal;
using OptionsAutomation.Infrastructure.Postgres;
using OptionsAutomation.Infrastructure.Risk;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Proposals;

/// <summary>
/// Approving the SPY 370 put proposed from the real 2021-03-01 chain (bid 3.65, ask 3.69, proposed at the
/// 3.67 mid), executed through the paper broker against the same quotes, against Postgres.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ApprovalServiceTests(PostgresServer server) : IAsyncLifetime
{
    private const string RequestId = "prop-20210301-SPY-CSP";
    private static readonly DateTimeOffset Close = new(2021, 3, 1, 21, 0, 0, TimeSpan.Zero);
    private static readonly RiskSettings LooseRisk = new() { MaxOrderNotionalPercent = 50m };
    private readonly RealTimersClock _clock = new(Close);
    private TestDatabase _db = null!;
    private ProposalHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(server);
        _harness = new ProposalHarness(_db, _clock, LooseRisk);
        var proposed = await _harness.Proposals(ProposalHarness.SpyOnly("CSP"), new SizingSettings { CollateralPerTradePct = 40m })
            .RunAsync(Close, CancellationToken.None);
        Assert.Equal(RequestId, Assert.Single(proposed.Proposals).RequestId);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Approve_ExecutesOnceAtTheLimit_AndOpensThePositionFromTheFill()
    {
        var outcome = await Approvals().ApproveAsync(RequestId, "alice", CancellationToken.None);

        Assert.Equal(ProposalStatus.Executed, outcome.Status);
        Assert.Equal(3.67m, outcome.FillPrice);
        var position = (await _db.Positions(_clock).FindByRequestIdAsync(RequestId))!;
        Assert.Equal((position.PositionId, 3.67m, 1, 0.65m, PositionStatus.Open), (outcome.PositionId!.Value, position.EntryPrice, position.Quantity, position.Fees, position.Status));
        Assert.Equal(1, await _db.CountAsync("orders", $"client_order_id = 'open-{RequestId}' AND status = 'FILLED' AND fill_price = -3.67 AND position_id = {position.PositionId}"));
        Assert.Equal(1, await _db.CountAsync("fills", $"position_id = {position.PositionId} AND side = 'SELL' AND price = 3.67 AND symbol = 'SPY   210331P00370000'"));
        Assert.Equal(1, await _db.CountAsync("trade_requests", $"request_id = '{RequestId}' AND status = 'EXECUTED' AND position_id = {position.PositionId} AND decided_by = 'alice'"));
        Assert.Equal(3, await _db.CountAsync("audit_events", "event_type IN ('proposal.approved', 'proposal.executing', 'proposal.executed')"));
        Assert.Equal(1, await _db.CountAsync("outbox", "payload->>'kind' = 'executed'"));
    }

    [Fact]
    public async Task FiftyConcurrentApprovals_ExecuteOnce_AndAllGetTheSameAnswer()
    {
        var approvals = Approvals();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => approvals.ApproveAsync(RequestId, $"user{i}", CancellationToken.None))));

        Assert.Single(outcomes.Distinct());
        Assert.Equal(ProposalStatus.Executed, outcomes[0].Status);
        Assert.Equal(1, await _db.CountAsync("orders"));
        Assert.Equal(1, await _db.CountAsync("positions"));
        Assert.Equal(1, await _db.CountAsync("fills"));
    }

    [Fact]
    public async Task ApproveAfterReject_IsRefused_AndRejectAfterExecute_AnswersExecuted()
    {
        var rejected = await Approvals().RejectAsync(RequestId, "bob", "too close to earnings", CancellationToken.None);
        var approveAfter = await Approvals().ApproveAsync(RequestId, "alice", CancellationToken.None);

        Assert.Equal(ProposalStatus.Rejected, rejected.Status);
        Assert.Equal(rejected, approveAfter);
        Assert.Equal("rejected by bob: too close to earnings", approveAfter.Message);
        Assert.Equal(0, await _db.CountAsync("orders"));
    }

    [Fact]
    public async Task ApproveAfterTheWindow_ExpiresIt()
    {
        _clock.SetUtcNow(Close.AddMinutes(31));

        var outcome = await Approvals().ApproveAsync(RequestId, "alice", CancellationToken.None);

        Assert.Equal(ProposalStatus.Expired, outcome.Status);
        Assert.Equal("expired; not executed", outcome.Message);
        Assert.Equal(0, await _db.CountAsync("orders"));
    }

    [Fact]
    public async Task OutsideASession_IsRefusedWithMarketClosed_AndStaysProposed()
    {
        var outcome = await Approvals(allowOutsideSession: false).ApproveAsync(RequestId, "alice", CancellationToken.None);

        Assert.Equal(ProposalStatus.Proposed, outcome.Status);
        Assert.StartsWith("MARKET_CLOSED", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(0, await _db.CountAsync("orders"));
    }

    [Fact]
    public async Task WhileHalted_TheGateFailsTheApproval()
    {
        await Controls().SetStateAsync(TradingState.Halted, "test", "test", Close, CancellationToken.None);

        var outcome = await Approvals().ApproveAsync(RequestId, "alice", CancellationToken.None);

        Assert.Equal(ProposalStatus.Failed, outcome.Status);
        Assert.StartsWith("failed: refused by the risk gate: TRADING_HALTED", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(outcome, await Approvals().ApproveAsync(RequestId, "bob", CancellationToken.None));
        Assert.Equal(0, await _db.CountAsync("orders"));
    }

    [Fact]
    public async Task AfterACrashBeforeTheOrderReachedTheBroker_ApprovingAgainFailsIt_NothingIsSentLate()
    {
        // The rows a crash leaves: proposal EXECUTING, opening order PENDING, no position, nothing at the broker.
        await _db.DecideAsync(RequestId, ProposalStatus.Proposed, ProposalStatus.Approved, "alice", Close);
        var executing = await _db.DecideAsync(RequestId, ProposalStatus.Approved, ProposalStatus.Executing, "alice", Close);
        var strategy = Core.Instruments.CreditStrategy.Create(executing.StrategyType, executing.Ticker, executing.Expiration, executing.ShortStrike, null, executing.NetCredit);
        await _db.CommitAsync([ExecutionBooking.Submitted(executing, OrderTicket.ToOpen(strategy, 1, $"open-{RequestId}", Close), "alice")], Close);

        var outcome = await Approvals().ApproveAsync(RequestId, "alice", CancellationToken.None);

        Assert.Equal(ProposalStatus.Failed, outcome.Status);
        Assert.Equal("failed: order not filled: interrupted before the order reached the broker; not sent late", outcome.Message);
        Assert.Equal(1, await _db.CountAsync("orders", "status = 'REJECTED'"));
        Assert.Equal(0, await _db.CountAsync("paper_orders"));
        Assert.Equal(0, await _db.CountAsync("positions"));
    }

    [Fact]
    public async Task LeftApprovedByACrash_ApprovingAgainRunsTheGateAgain_WhichRefusesItWhileHalted()
    {
        await _db.DecideAsync(RequestId, ProposalStatus.Proposed, ProposalStatus.Approved, "alice", Close);
        await Controls().SetStateAsync(TradingState.Halted, "test", "test", Close, CancellationToken.None);

        var halted = await Approvals().ApproveAsync(RequestId, "alice", CancellationToken.None);

        Assert.Equal(ProposalStatus.Failed, halted.Status);
        Assert.StartsWith("failed: refused by the risk gate: TRADING_HALTED", halted.Message, StringComparison.Ordinal);
        Assert.Equal(0, await _db.CountAsync("orders"));
    }

    private TradingControlsService Controls() => _harness.Controls();

    private ApprovalService Approvals(bool allowOutsideSession = true) =>
        _harness.Approvals(new ExecutionSettings { AllowOutsideSession = allowOutsideSession });
}
