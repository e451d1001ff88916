using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Infrastructure.Brokers;
using OptionsAutomation.Infrastructure.Postgres;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Exits;

/// <summary>
/// Closing orders walk from the mid toward the ask. Our quotes (bid 1.00, ask 1.20: mid 1.10) plan the walk 1.10, 1.12,
/// 1.15, 1.17, 1.20 (4 steps, 5 s apart; 1.125 and 1.175 are half ticks, rounded the less aggressive way), while the
/// paper broker trades on an exchange of its own whose mid is 1.16, so the order fills only once the walk reaches it.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PriceWalkCloseTests(PostgresServer server) : IAsyncLifetime
{
    // Friday 2026-02-27, 10:35 New York.
    private static readonly DateTimeOffset T0 = new(2026, 2, 27, 15, 35, 0, TimeSpan.Zero);
    private static readonly DateOnly April17 = new(2026, 4, 17);
    private static readonly ExecutionSettings Walking = new() { FillTimeoutSeconds = 30, PollIntervalSeconds = 1, PriceWalk = new PriceWalkSettings { Steps = 4, StepSeconds = 5 } };
    private readonly RealTimersClock _clock = new(T0);
    private readonly ScriptedMarketData _exchange = new();
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(server);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private async Task<(ExitHarness Harness, Position Position)> OpenAsync(ExecutionSettings execution, CrashStep? crash = null)
    {
        var h = new ExitHarness(_db, _clock, broker: new PaperBroker(_db.DataSource, _exchange, new PaperBrokerSettings { FeePerContract = 0m }, _clock),
            execution: execution, crash: crash);
        var position = (await h.OpenCspAsync("walk", 580m, 1.50m, April17, T0.AddDays(-7))).Position;
        h.QuoteShortPut(position, 1.00m, 1.20m, T0.AddMinutes(-1));
        _exchange.Quote(position.Legs[0].Contract, 1.12m, 1.20m, T0.AddMinutes(-1));
        return (h, position);
    }

    /// <summary>Each audited step as "step: from → to (cap)".</summary>
    private Task<List<string>> RepricesAsync() =>
        _db.ListAsync<string>(
            """
            SELECT format('%s: %s → %s (cap %s)', data->>'step', (data->>'from')::numeric(10,2), (data->>'to')::numeric(10,2), (data->>'cap')::numeric(10,2))
            FROM audit_events WHERE event_type = 'order.repriced' ORDER BY event_id
            """);

    [Fact]
    public async Task FillsOnlyWhenTheWalkReachesTheMarket_EveryStepAudited_StoredLimitIsTheLast()
    {
        var (h, position) = await OpenAsync(Walking);

        var check = await h.Exits.CloseManuallyAsync(position.PositionId, "alice", CancellationToken.None);

        // Step 3 (1.17, at 15 s) is the first price at or above the exchange's mid: the replace itself answers FILLED.
        Assert.Null(check.OrderError);
        Assert.Equal(1.17m, check.Closed!.Trade.ExitPrice);
        Assert.Equal(T0.AddSeconds(15), _clock.GetUtcNow());
        Assert.Equal(["1: 1.10 → 1.12 (cap 580.00)", "2: 1.12 → 1.15 (cap 580.00)", "3: 1.15 → 1.17 (cap 580.00)"], await RepricesAsync());
        Assert.Equal(1, await _db.CountAsync("orders", "intent = 'CLOSE' AND status = 'FILLED' AND limit_price = 1.17 AND fill_price = 1.17"));
        Assert.Equal(1, await _db.CountAsync("fills", $"position_id = {position.PositionId} AND price = 1.17"));
        Assert.Equal(["order.submitted", "order.accepted", "order.repriced", "order.repriced", "order.repriced", "order.filled"],
            await _db.ListAsync<string>("SELECT event_type FROM audit_events WHERE entity_type = 'order' ORDER BY event_id"));
        Assert.All(await _db.ListAsync<string>("SELECT actor FROM audit_events WHERE event_type = 'order.repriced'"), a => Assert.Equal("alice", a));

        var order = Assert.Single(await new PostgresOrderRecords(_db.DataSource).ListAsync(new OrderFilter(position.PositionId), CancellationToken.None));
        Assert.Equal([1.12m, 1.15m, 1.17m], order.Reprices.Select(r => r.To));
        Assert.Equal([T0.AddSeconds(5), T0.AddSeconds(10), T0.AddSeconds(15)], order.Reprices.Select(r => r.At));
    }

    [Fact]
    public async Task AFillFoundWhenTheStepIsDue_IsBookedAndNotReplaced()
    {
        // The exchange comes to 1.12 exactly when step 2 is due: the status read before the replace finds the order
        // filled at 1.12, so no replace goes out.
        var (h, position) = await OpenAsync(Walking);
        _exchange.Quote(position.Legs[0].Contract, 1.04m, 1.20m, T0.AddSeconds(10));

        var check = await h.Exits.CloseManuallyAsync(position.PositionId, "alice", CancellationToken.None);

        Assert.Equal(1.12m, check.Closed!.Trade.ExitPrice);
        Assert.Equal(T0.AddSeconds(10), _clock.GetUtcNow());
        Assert.Equal(["1: 1.10 → 1.12 (cap 580.00)"], await RepricesAsync());
        Assert.Equal(1, await _db.CountAsync("orders", "status = 'FILLED' AND limit_price = 1.12 AND fill_price = 1.12"));
    }

    [Fact]
    public async Task TheMaximumDebitHolds_TheOrderRestsThereAndIsCancelledAtTheTimeout()
    {
        // 0.76 × the 1.50 credit = 1.14 caps the walk: 1.10, 1.12, 1.14, never the 1.16 the exchange wants.
        var capped = Walking with { PriceWalk = Walking.PriceWalk with { CloseMaxDebitMultiple = 0.76m } };
        var (h, position) = await OpenAsync(capped);

        var check = await h.Exits.CloseManuallyAsync(position.PositionId, "alice", CancellationToken.None);

        Assert.Null(check.Closed);
        Assert.Equal("cancelled: not filled within 30 s", check.OrderError);
        Assert.Equal(["1: 1.10 → 1.12 (cap 1.14)", "2: 1.12 → 1.14 (cap 1.14)"], await RepricesAsync());
        Assert.Equal(1, await _db.CountAsync("orders", "status = 'CANCELLED' AND filled_quantity = 0 AND limit_price = 1.14"));
        Assert.Equal(0, await _db.CountAsync("fills"));
        Assert.Equal(PositionStatus.Open, (await h.Positions.FindAsync(position.PositionId))!.Status);
    }

    [Fact]
    public async Task KilledMidWalk_RecoveryFollowsTheSameOrder_NeverASecondOne_NeverRepricing()
    {
        // The process dies as it is about to send step 2: the broker and our row both hold 1.12.
        var (h, position) = await OpenAsync(Walking, new CrashStep("IBroker", "ReplaceAsync", 2, After: false));
        await Assert.ThrowsAsync<SimulatedCrashException>(() => h.Exits.CloseManuallyAsync(position.PositionId, "alice", CancellationToken.None));
        Assert.Equal(1, await _db.CountAsync("orders", "status = 'SUBMITTED' AND limit_price = 1.12"));
        Assert.Equal(1, await _db.CountAsync("paper_orders", "status = 'SUBMITTED' AND limit_price = 1.12"));

        var working = Assert.Single(await new PostgresOrderRecords(_db.DataSource).ListWorkingAsync(CancellationToken.None));
        var resumed = await h.Restarted().ResumeCloseAsync(working, CancellationToken.None);

        // Followed as it stands (1.12 against the exchange's 1.16) and cancelled at the timeout; nothing re-priced or sent.
        Assert.Equal("cancelled: not filled within 30 s", resumed!.OrderError);
        Assert.Equal(1, await _db.CountAsync("paper_orders"));
        Assert.Equal(1, await _db.CountAsync("orders", "status = 'CANCELLED' AND limit_price = 1.12"));
        Assert.Equal(["1: 1.10 → 1.12 (cap 580.00)"], await RepricesAsync());
        Assert.Equal(PositionStatus.Open, (await h.Positions.FindAsync(position.PositionId))!.Status);
    }
}
