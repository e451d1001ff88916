using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Infrastructure.Risk;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Risk;

/// <summary>The trading state and the circuit breaker as stored, fed by real closes.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TradingControlsTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 15, 0, 0, TimeSpan.Zero);
    private static readonly RiskSettings Risk = new() { MaxConsecutiveLosses = 3, CircuitBreakerCooldownMinutes = 30 };
    private readonly RealTimersClock _clock = new(Now);
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(server);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private Core.Trading.TradingControlsService Controls => _db.Controls(Risk);

    [Fact]
    public async Task SetState_IsStoredAuditedAndAlerted()
    {
        await Controls.SetStateAsync(TradingState.Reducing, "earnings week", "alice", Now, CancellationToken.None);

        var controls = await Controls.GetAsync(CancellationToken.None);
        Assert.Equal((TradingState.Reducing, "earnings week", "alice", (DateTimeOffset?)Now), (controls.State, controls.Reason, controls.ChangedBy, controls.ChangedAt));
        Assert.Equal(1, await _db.CountAsync("audit_events", "event_type = 'trading.state_changed' AND actor = 'alice'"));
        Assert.Equal(1, await _db.CountAsync("outbox", "payload->>'text' = 'Trading ACTIVE → REDUCING by alice: earnings week'"));
    }

    [Fact]
    public async Task ThreeLosingClosesInARow_TripTheBreaker_WhichResetsOnlyAfterTheCooldown()
    {
        var manager = new Core.Trading.PositionManager(_db.Store(_clock), _db.Journal(Risk), new ExitRuleSettings(), _clock);
        foreach (var (id, exit) in new[] { ("w", 0.50m), ("l1", 2.00m), ("l2", 1.50m), ("l3", 3.00m) })
        {
            var opened = await manager.OpenAsync(new OpenPositionRequest
            {
                RequestId = id, Strategy = Core.Instruments.StrategyType.CashSecuredPut, Ticker = "SPY", Expiration = new DateOnly(2026, 4, 17),
                ShortStrike = 580m, Credit = 1.50m, Quantity = 1, OpenedAt = Now.AddDays(-5), Actor = "test",
            });
            await manager.CloseAsync(opened.Position.PositionId, new PositionExit(exit, ExitReason.Manual, Now, ExecutedBy.Manual, "test"));
        }

        // A win, then losses of 50, 0 (break-even is a loss) and 150.
        var breaker = (await Controls.GetAsync(CancellationToken.None)).Breaker;
        Assert.True(breaker.IsTripped);
        Assert.Equal((3, BreakerTripReason.ConsecutiveLosses, (DateTimeOffset?)Now), (breaker.ConsecutiveLosses, breaker.TripReason!.Value, breaker.TrippedAt));
        Assert.Equal(1, await _db.CountAsync("outbox", "payload->>'kind' = 'breaker_tripped'"));
        Assert.Equal(1, await _db.CountAsync("audit_events", "event_type = 'breaker.tripped' AND actor = 'risk-gate'"));

        await Assert.ThrowsAsync<BreakerResetRefusedException>(() => Controls.ResetBreakerAsync("alice", Now.AddMinutes(29), CancellationToken.None));
        var reset = await Controls.ResetBreakerAsync("alice", Now.AddMinutes(30), CancellationToken.None);

        Assert.False(reset.Breaker.IsTripped);
        Assert.False((await Controls.GetAsync(CancellationToken.None)).Breaker.IsTripped);
        Assert.Equal(1, await _db.CountAsync("audit_events", "event_type = 'breaker.reset' AND actor = 'alice'"));
    }

    [Fact]
    public async Task Reset_WhenNotTripped_Refuses()
    {
        var error = await Assert.ThrowsAsync<BreakerResetRefusedException>(() => Controls.ResetBreakerAsync("alice", Now, CancellationToken.None));

        Assert.Contains("not tripped", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetState_WhenItsAlertCannotBeQueued_ChangesNothing_TheStateItsAuditAndItsAlertAreOneTransaction()
    {
        await _db.FailOutboxInsertsAsync();

        await Assert.ThrowsAsync<Npgsql.PostgresException>(() => Controls.SetStateAsync(TradingState.Halted, "incident", "alice", Now, CancellationToken.None));

        Assert.Equal(TradingState.Active, (await Controls.GetAsync(CancellationToken.None)).State);
        Assert.Equal(0, await _db.CountAsync("audit_events", "event_type = 'trading.state_changed'"));
    }

    [Fact]
    public async Task Tighten_NeverLoosens_AndWritesNothingWhenItWouldNot()
    {
        await Controls.SetStateAsync(TradingState.Halted, "incident", "alice", Now, CancellationToken.None);

        Assert.Null(await Controls.TightenStateAsync(TradingState.Reducing, "emergency reduction", "bob", Now.AddMinutes(1), CancellationToken.None));

        var controls = await Controls.GetAsync(CancellationToken.None);
        Assert.Equal((TradingState.Halted, "alice"), (controls.State, controls.ChangedBy));
        Assert.Equal(1, await _db.CountAsync("audit_events", "event_type = 'trading.state_changed'"));
        Assert.Equal(1, await _db.CountAsync("outbox", "payload->>'kind' = 'trading_state'"));
    }
}
