using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Risk.Portfolio;
using OptionsAutomation.Infrastructure.Risk;
using OptionsAutomation.Integration.Tests.Risk;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Worker;

/// <summary>
/// The risk job's signals on real Postgres: a volatility spike alerts once and never moves the trading state, even with
/// Risk:BreachAction HALTED; the correlation reference is the last snapshot of an earlier New York day.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RiskSignalJobTests(PostgresServer server) : IAsyncLifetime
{
    // Wednesday 2026-03-11, 10:35 New York (EDT).
    private static readonly DateTimeOffset Tick = new(2026, 3, 11, 14, 35, 0, TimeSpan.Zero);
    private readonly ManualClock _clock = new(Tick);
    private TestDatabase _db = null!;
    private RiskMonitorHarness _h = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(server);
        _h = new RiskMonitorHarness(_db, _clock);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task AVolatilitySpike_AlertsOnce_AndNeverMovesTheTradingState_EvenWithBreachActionHalted()
    {
        // The last five closes swing ±3% around 580 after weeks within 1%.
        await _h.OpenSpyPutAsync(i => i < 5 ? 580m * (1m + (0.03m * (i % 2 == 0 ? 1 : -1))) : 580m * (1m + (0.01m * (decimal)Math.Sin(i))));
        var job = _h.Job(new PortfolioRiskSettings { MaxPositionValue = 100_000m, BreachAction = "HALTED" });

        var first = await job.RunTickAsync(CancellationToken.None);
        _clock.Set(Tick.AddMinutes(1));
        var second = await job.RunTickAsync(CancellationToken.None);

        var crossing = Assert.Single(first!.Crossings);
        Assert.Equal(("vol_spike:SPY", LimitState.Ok, LimitState.Warn, true), (crossing.Name, crossing.From, crossing.To, crossing.Reading.Informational));
        Assert.Null(first.StateSetTo);
        Assert.Empty(second!.Crossings);
        Assert.Equal(TradingState.Active, (await _h.Controls().GetAsync(CancellationToken.None)).State);
        Assert.Equal(1, await _db.CountAsync("outbox", "payload->>'kind' LIKE 'risk_%'"));
        Assert.Equal(1, await _db.CountAsync("outbox",
            "payload->>'kind' = 'risk_vol_spike' AND payload->>'text' LIKE 'Risk signal vol_spike:SPY OK → WARN: % ratio against 1.5 ratio (informational); SPY: 5-day realized volatility %'"));
        Assert.Equal(1, await _db.CountAsync("risk_limit_states", "limit_key = 'vol_spike:SPY' AND state = 'WARN'"));
        Assert.Equal(0, await _db.CountAsync("audit_events", "event_type = 'trading.state_changed'"));
    }

    [Fact]
    public async Task CorrelationReference_IsTheLastSnapshotOfAnEarlierDay()
    {
        var history = new PostgresRiskHistory(_db.DataSource);
        Assert.Null(await history.CorrelationsBeforeAsync(Tick, CancellationToken.None));
        await InsertSnapshotAsync(Tick.AddDays(-1).AddHours(1), """{"underlyings": ["QQQ", "SPY"], "correlation": [[1, 0.7], [0.7, 1]]}""");
        await InsertSnapshotAsync(Tick.AddDays(-2), """{"underlyings": ["QQQ", "SPY"], "correlation": [[1, 0.5], [0.5, 1]]}""");
        await InsertSnapshotAsync(Tick, """{"underlyings": ["SPY"], "correlation": [[1]]}""");

        var reference = await history.CorrelationsBeforeAsync(Tick.AddMinutes(-5), CancellationToken.None);

        Assert.NotNull(reference);
        Assert.Equal(Tick.AddDays(-1).AddHours(1), reference.TakenAt);
        Assert.Equal(0.7m, reference.Between("SPY", "QQQ"));
        Assert.Null(reference.Between("SPY", "IWM"));
    }

    private Task InsertSnapshotAsync(DateTimeOffset takenAt, string report) => _db.ExecuteAsync(
        $"""
        INSERT INTO risk_snapshots (taken_at, equity, positions, exposure_total, exposure_collateral, exposure_max_loss, delta_dollars,
            gamma_dollars, theta_dollars, vega_dollars, var_confidence, drawdown_current, drawdown_max, report)
        VALUES ('{takenAt:O}', 100000, 0, 0, 0, 0, 0, 0, 0, 0, 0.95, 0, 0, '{report}')
        """);
}
