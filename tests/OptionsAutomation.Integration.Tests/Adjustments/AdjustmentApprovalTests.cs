using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Trading.Adjustments;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Adjustments;

/// <summary>Approving, rejecting and ignoring recommendations against a real database and the paper broker.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AdjustmentApprovalTests(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(server);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task ApprovedReduce_ClosesPartOfThePositionForReasonAdjustment()
    {
        var f = await AdjustmentFixture.CreateAsync(_db, new RecordingRollExecutor());
        var pending = await f.ReviewOneAsync();

        var outcome = await f.Approvals.ApproveAsync(pending.Id, "cli:alice", CancellationToken.None);

        // The paper broker buys the one put at the 6.10 ask less its 0.01 improvement: (3.00 − 6.09) × 100 = −309.
        Assert.Equal(AdjustmentStatus.Executed, outcome.Adjustment.Status);
        Assert.Equal("closed 1 at 6.09 for -$309.00; 1 still open", outcome.Adjustment.Outcome);
        Assert.Equal("cli:alice", outcome.Adjustment.DecidedBy);
        var position = (await f.Harness.Positions.FindAsync(f.Position.PositionId))!;
        Assert.Equal((PositionStatus.Open, 1), (position.Status, position.Quantity));
        Assert.Equal(1, await _db.CountAsync("trade_history", "exit_reason = 'adjustment' AND quantity = 1"));
        Assert.Equal(1, await _db.CountAsync("audit_events", $"event_type = 'adjustment.approved' AND actor = 'cli:alice' AND entity_id = '{pending.Id}'"));
        Assert.Equal(1, await _db.CountAsync("audit_events", $"event_type = 'adjustment.executed' AND entity_id = '{pending.Id}'"));
        Assert.Equal(1, await _db.CountAsync("outbox", "payload->>'kind' = 'adjustment_executed'"));
    }

    [Fact]
    public async Task ManyConcurrentApprovals_SendOneOrder()
    {
        var f = await AdjustmentFixture.CreateAsync(_db, new RecordingRollExecutor());
        var pending = await f.ReviewOneAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => f.Approvals.ApproveAsync(pending.Id, $"user-{i}", CancellationToken.None))));

        Assert.Equal(1, await _db.CountAsync("orders"));
        Assert.All(outcomes, o => Assert.Equal(AdjustmentStatus.Executed, o.Adjustment.Status));
        Assert.Equal(1, await _db.CountAsync("trade_history"));
        Assert.Equal(1, await _db.CountAsync("audit_events", "event_type = 'adjustment.executed'"));
    }

    [Fact]
    public async Task ApprovalAfterThePositionClosed_SendsNothing()
    {
        var f = await AdjustmentFixture.CreateAsync(_db, new RecordingRollExecutor());
        var pending = await f.ReviewOneAsync();
        await f.Harness.Exits.CloseManuallyAsync(f.Position.PositionId, "test", CancellationToken.None);

        var outcome = await f.Approvals.ApproveAsync(pending.Id, "cli:alice", CancellationToken.None);

        Assert.Equal((AdjustmentStatus.Expired, "position no longer open"), (outcome.Adjustment.Status, outcome.Adjustment.Outcome));
        Assert.Equal(1, await _db.CountAsync("orders"));
    }

    [Fact]
    public async Task ApprovedRoll_AsksTheExecutorOnceWithTheTargetAndItsClientOrderId()
    {
        var rolls = new RecordingRollExecutor();
        var f = await AdjustmentFixture.CreateAsync(_db, rolls);
        f.QuoteAprilChain();
        var pending = await f.ReviewOneAsync();

        var outcome = await f.Approvals.ApproveAsync(pending.Id, "telegram:111 (@alice)", CancellationToken.None);
        var again = await f.Approvals.ApproveAsync(pending.Id, "telegram:111 (@alice)", CancellationToken.None);

        var request = Assert.Single(rolls.Requests);
        Assert.Equal(new RollRequest(f.Position.PositionId, AdjustmentFixture.April, 575m, null, 0.80m, $"roll-{pending.Id}", "telegram:111 (@alice)"), request);
        Assert.Equal(AdjustmentStatus.Executed, outcome.Adjustment.Status);
        Assert.Equal($"rolled by order roll-{pending.Id}: position 4242 opened at 2026-04-17", outcome.Adjustment.Outcome);
        Assert.Equal(outcome.Adjustment, again.Adjustment);
        Assert.Equal(0, await _db.CountAsync("orders"));
    }

    [Fact]
    public async Task ARollTheExecutorRefuses_Fails_AndOneStillWorking_StaysApprovedAndIsFollowedWithTheSameOrderId()
    {
        var refused = await AdjustmentFixture.CreateAsync(_db, new RecordingRollExecutor { Answer = r => new RollResult(r.PositionId, null, null, "NO_QUOTE: a leg of the roll has no two-sided quote; nothing sent") });
        refused.QuoteAprilChain();
        var first = await refused.ReviewOneAsync();
        var failed = await refused.Approvals.ApproveAsync(first.Id, "cli:alice", CancellationToken.None);
        Assert.Equal((AdjustmentStatus.Failed, "not rolled: NO_QUOTE: a leg of the roll has no two-sided quote; nothing sent"), (failed.Adjustment.Status, failed.Adjustment.Outcome));

        var working = new RecordingRollExecutor
        {
            Answer = r => new RollResult(r.PositionId, null, new OrderState(r.ClientOrderId, OrderStatus.Unknown, 2, 0, null, 0m, new Core.ValueList<LegFill>([]), null, null, DateTimeOffset.UnixEpoch), "no answer"),
        };
        var f = await AdjustmentFixture.CreateAsync(await TestDatabase.CreateAsync(server), working);
        f.QuoteAprilChain();
        var pending = await f.ReviewOneAsync();
        var outcome = await f.Approvals.ApproveAsync(pending.Id, "cli:alice", CancellationToken.None);
        await f.Approvals.ApproveAsync(pending.Id, "cli:bob", CancellationToken.None);

        Assert.Equal(AdjustmentStatus.Approved, outcome.Adjustment.Status);
        Assert.StartsWith($"roll roll-{pending.Id} is UNKNOWN; still APPROVED", outcome.Message, StringComparison.Ordinal);
        Assert.Equal([$"roll-{pending.Id}", $"roll-{pending.Id}"], working.Requests.Select(r => r.ClientOrderId));
    }

    [Fact]
    public async Task Rejected_IsFinal_AndAnApprovalAfterwardsSendsNothing()
    {
        var f = await AdjustmentFixture.CreateAsync(_db, new RecordingRollExecutor());
        var pending = await f.ReviewOneAsync();

        var rejected = await f.Approvals.DeclineAsync(pending.Id, "cli:alice", AdjustmentStatus.Rejected, "will hold", CancellationToken.None);
        var approved = await f.Approvals.ApproveAsync(pending.Id, "cli:bob", CancellationToken.None);

        Assert.Equal((AdjustmentStatus.Rejected, "will hold", "cli:alice"), (rejected.Adjustment.Status, rejected.Adjustment.Outcome, rejected.Adjustment.DecidedBy));
        Assert.Equal(rejected.Adjustment, approved.Adjustment);
        Assert.Equal(0, await _db.CountAsync("orders"));
        Assert.Equal(1, await _db.CountAsync("outbox", "payload->>'kind' = 'adjustment_rejected'"));
    }

    [Fact]
    public async Task OutsideASession_StaysPending()
    {
        // Saturday 2026-03-14.
        var f = await AdjustmentFixture.CreateAsync(_db, new RecordingRollExecutor());
        var pending = await f.ReviewOneAsync();
        f.Harness.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 14, 15, 0, 0, TimeSpan.Zero));

        var outcome = await f.Approvals.ApproveAsync(pending.Id, "cli:alice", CancellationToken.None);

        Assert.Equal(AdjustmentStatus.Pending, outcome.Adjustment.Status);
        Assert.StartsWith("MARKET_CLOSED", outcome.Message, StringComparison.Ordinal);
    }
}
