using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Trading.Adjustments;
using OptionsAutomation.Infrastructure.Brokers;
using OptionsAutomation.Infrastructure.Postgres;
using OptionsAutomation.Integration.Tests.Exits;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Adjustments;

/// <summary>
/// A roll recommendation interrupted after its approval (the process killed at a step of the roll) against a real database
/// and the paper broker: once order recovery has finished the roll order, the recommendation is settled from it without a
/// second order; one whose order was never recorded stays APPROVED and nothing is sent.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class AdjustmentRecoveryTests(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(server);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    /// <summary>The threatened CSP, its roll to the April 575 put recommended, and that put quoted for the order (6.90/7.10).</summary>
    private async Task<AdjustmentFixture> FixtureAsync(CrashStep step)
    {
        var f = await AdjustmentFixture.CreateAsync(_db, h => RollService(h, h.Paper, step));
        f.QuoteAprilChain();
        f.Harness.Quotes.Quote(new OptionContract("SPY", AdjustmentFixture.April, OptionRight.Put, 575m), 6.90m, 7.10m,
            f.Harness.Clock.GetUtcNow().AddMinutes(-1), 578m, 0.2, -0.45);
        return f;
    }

    private RollService RollService(ExitHarness h, IBroker broker, CrashStep? step) =>
        RollHarness.Service(_db, h.Clock, h.Quotes, CrashProxy<IBroker>.Wrap(broker, step), h.Execution, Account, step, limits: Limits);

    // Two April 575 puts are a 115,000 order: an account and a notional limit that let the gate pass it.
    private static readonly PaperBrokerSettings Account = new() { StartingEquity = 400_000m };
    private static readonly RiskSettings Limits = new() { MaxOrderNotional = 200_000m };

    [Fact]
    public async Task KilledAfterTheBrokerTookTheRoll_RecoveryBooksIt_AndTheRecommendationIsSettledExecuted_WithOneOrder()
    {
        var f = await FixtureAsync(new CrashStep("IBroker", "PlaceAsync", 1, After: true));
        var pending = await f.ReviewOneAsync();

        await Assert.ThrowsAsync<SimulatedCrashException>(() => f.Approvals.ApproveAsync(pending.Id, "cli:alice", CancellationToken.None));
        Assert.Equal(AdjustmentStatus.Approved, (await f.Store.FindAsync(pending.Id, CancellationToken.None))!.Status);
        // Nothing final yet: settling now leaves it for recovery.
        Assert.Empty(await f.Approvals.SettleRecoveredRollsAsync(CancellationToken.None));

        var working = Assert.Single(await new PostgresOrderRecords(_db.DataSource).ListWorkingAsync(CancellationToken.None));
        var resumed = await RollService(f.Harness, f.Harness.Paper, null).ResumeAsync(working, CancellationToken.None);
        Assert.NotNull(resumed!.NewPositionId);

        var settled = await f.Approvals.SettleRecoveredRollsAsync(CancellationToken.None);

        Assert.Single(settled);
        var adjustment = (await f.Store.FindAsync(pending.Id, CancellationToken.None))!;
        // The decision stays the person's; recovery is the audited actor of the execution.
        Assert.Equal((AdjustmentStatus.Executed, "cli:alice"), (adjustment.Status, adjustment.DecidedBy));
        Assert.Equal($"rolled by order roll-{pending.Id}: position {resumed.NewPositionId} opened at 2026-04-17", adjustment.Outcome);
        Assert.Equal(1, await _db.CountAsync("paper_orders"));
        Assert.Equal(1, await _db.CountAsync("orders", $"client_order_id = 'roll-{pending.Id}' AND intent = 'ROLL' AND status = 'FILLED'"));
        Assert.Equal(1, await _db.CountAsync("audit_events", $"event_type = 'adjustment.executed' AND entity_id = '{pending.Id}' AND actor = 'recovery'"));
        Assert.Empty(await f.Approvals.SettleRecoveredRollsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task KilledBeforeTheRollOrderWasRecorded_StaysApproved_AndNothingIsSent()
    {
        var f = await FixtureAsync(new CrashStep("ITradingEntry", "CommitAsync", 1, After: false));
        var pending = await f.ReviewOneAsync();

        await Assert.ThrowsAsync<SimulatedCrashException>(() => f.Approvals.ApproveAsync(pending.Id, "cli:alice", CancellationToken.None));

        Assert.Empty(await f.Approvals.SettleRecoveredRollsAsync(CancellationToken.None));
        Assert.Equal(AdjustmentStatus.Approved, (await f.Store.FindAsync(pending.Id, CancellationToken.None))!.Status);
        Assert.Equal(0, await _db.CountAsync("orders", "intent = 'ROLL'"));
        Assert.Equal(0, await _db.CountAsync("paper_orders"));
    }
}
