using System.Globalization;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Risk.Portfolio;
using OptionsAutomation.Infrastructure.Json;
using OptionsAutomation.Infrastructure.Risk;
using OptionsAutomation.Integration.Tests.Risk;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Worker;

/// <summary>
/// The minute risk job on real Postgres: snapshots stored and pruned, limit crossings alerted once, the breach
/// action on the trading state, the signals that never move it, the NYSE hours that gate it, and the history it keeps
/// in memory. The SPY put's 56,000.00 collateral against Risk:MaxPositionValue drives the position_value limit.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RiskCheckJobTests(PostgresServer server) : IAsyncLifetime
{
    // Wednesday 2026-03-11, 10:35 New York (EDT).
    private static readonly DateTimeOffset Tick = new(2026, 3, 11, 14, 35, 0, TimeSpan.Zero);
    private readonly RealTimersClock _clock = new(Tick);
    private TestDatabase _db = null!;
    private RiskMonitorHarness _h = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(server);
        _h = new RiskMonitorHarness(_db, _clock);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task AtASessionInstant_StoresTheSnapshot_AndPrunesRowsOlderThanHistoryDays()
    {
        await _h.OpenSpyPutAsync();
        await _db.InsertRiskSnapshotAsync(Tick.AddDays(-30).AddMinutes(-1));
        await _db.InsertRiskSnapshotAsync(Tick.AddDays(-29));

        var outcome = await _h.Job(new PortfolioRiskSettings { HistoryDays = 30 }).RunTickAsync(CancellationToken.None);

        Assert.NotNull(outcome);
        Assert.Equal(2, await _db.CountAsync("risk_snapshots"));
        Assert.Equal(0, await _db.CountAsync("risk_snapshots", $"taken_at < '{Tick.AddDays(-30):O}'"));
        Assert.Equal(1, await _db.CountAsync("risk_snapshots",
            $"taken_at = '{Tick:O}' AND equity = 100000.00 AND positions = 1 AND exposure_total = 56000.00 AND exposure_collateral = 56000.00 " +
            "AND delta_dollars > 0 AND vega_dollars < 0 AND var_historical > 0 AND cvar_historical >= var_historical " +
            "AND var_parametric > 0 AND var_monte_carlo > 0 AND var_confidence = 0.95 AND drawdown_current = 0 " +
            "AND jsonb_array_length(report->'positions') = 1 AND report->'exposure'->>'total' = '56000.00'"));
        // Every limit read is remembered for the next run, with when it entered its state.
        Assert.Equal(outcome.Report.Limits.Count, await _db.CountAsync("risk_limit_states", $"checked_at = '{Tick:O}' AND changed_at = '{Tick:O}'"));
    }

    [Fact]
    public async Task TheNextCheck_ReadsOnlyTheNewTradeRow_AndNoPastClose_YetReportsAsAFreshRead()
    {
        // The monitor keeps its history in memory: after its first check it reads no past session's close again that
        // day and only the trade rows added since, yet reports what a fresh read of everything gives.
        await _h.OpenSpyPutAsync();
        await _h.CloseQqqPutAsync("closed-1", -150m);
        var (settings, store, quotes) = (new PortfolioRiskSettings(), new CountingPositionStore(_db.Store(_clock)), new CountingPastCloses(_h.Quotes, MarketTime.DateOf(Tick)));
        using var monitor = _h.Monitor(settings, store, quotes);

        await monitor.CheckAsync(Tick, CancellationToken.None);
        Assert.Equal([(0L, 1)], store.TradeReads);
        Assert.True(quotes.PastCloses > 0);

        _clock.SetUtcNow(Tick.AddMinutes(1));
        Assert.True((await _h.CloseQqqPutAsync("closed-2", 80m)).RealizedPnl > 0);
        (store.TradeReads, quotes.PastCloses) = ([], 0);
        var second = await monitor.CheckAsync(Tick.AddMinutes(1), CancellationToken.None);

        // Only the row above the first one's id, and no close of a past session.
        var firstId = await _db.ScalarAsync<long>("SELECT min(trade_id) FROM trade_history");
        Assert.Equal([(firstId, 1)], store.TradeReads);
        Assert.Equal((0, 0), (store.FullHistoryReads, quotes.PastCloses));
        // The same figures as reading everything again: the new trade is in today's realized P&L and the equity curve.
        var fresh = await _h.Service(settings).ReportAsync(Tick.AddMinutes(1), CancellationToken.None);
        Assert.Equal(DomainJson.Serialize(fresh), DomainJson.Serialize(second.Report));

        // A restart: a new monitor reads the whole table once, and agrees.
        _clock.SetUtcNow(Tick.AddMinutes(2));
        var restartedStore = new CountingPositionStore(_db.Store(_clock));
        using var restarted = _h.Monitor(settings, restartedStore);
        var third = await restarted.CheckAsync(Tick.AddMinutes(2), CancellationToken.None);
        Assert.Equal([(0L, 2)], restartedStore.TradeReads);
        var freshAgain = await _h.Service(settings).ReportAsync(Tick.AddMinutes(2), CancellationToken.None);
        Assert.Equal(DomainJson.Serialize(freshAgain), DomainJson.Serialize(third.Report));
    }

    [Fact]
    public async Task AWarning_AlertsOnce_AndNotAgainWhileItHolds()
    {
        await _h.OpenSpyPutAsync();
        // 56,000 of 60,000 is 93%: above the 80% warning, below the limit.
        var job = _h.Job(new PortfolioRiskSettings());

        var first = await job.RunTickAsync(CancellationToken.None);
        _clock.SetUtcNow(Tick.AddMinutes(1));
        var second = await job.RunTickAsync(CancellationToken.None);

        var crossing = Assert.Single(first!.Crossings);
        Assert.Equal(("position_value", LimitState.Ok, LimitState.Warn), (crossing.Name, crossing.From, crossing.To));
        Assert.Empty(second!.Crossings);
        Assert.Equal(1, await _db.CountAsync("outbox", "payload->>'kind' LIKE 'risk_%'"));
        Assert.Equal(1, await _db.CountAsync("outbox",
            $"dedup_key = 'risk:position_value:WARN:{Tick:yyyy-MM-ddTHH:mm:ss.fffffff}+00:00' AND payload->>'kind' = 'risk_warning' " +
            "AND payload->>'text' LIKE 'Risk limit position_value OK → WARN: $56,000.00 against $60,000.00 (93.3% used); position %'"));
        Assert.Equal(1, await _db.CountAsync("audit_events", "event_type = 'risk.limit_crossed' AND entity_id = 'position_value'"));
        Assert.Equal(1, await _db.CountAsync("risk_limit_states", $"limit_key = 'position_value' AND state = 'WARN' AND changed_at = '{Tick:O}' AND checked_at = '{Tick.AddMinutes(1):O}'"));
        Assert.Equal(TradingState.Active, (await _h.Controls().GetAsync(CancellationToken.None)).State);
    }

    [Fact]
    public async Task TheDailyLoss_IsMarkedToMarketFromThePreviousClose_OrRealizedWithoutOne()
    {
        await _h.OpenSpyPutAsync();
        var job = _h.Job(new PortfolioRiskSettings());

        var withoutHistory = await job.RunTickAsync(CancellationToken.None);
        // Yesterday's last snapshot had the book worth 1,700.00 more than now (equity now 100,000.00).
        await _db.InsertRiskSnapshotAsync(Tick.AddDays(-1).AddHours(5), equity: 101_700m);
        _clock.SetUtcNow(Tick.AddMinutes(1));
        var withHistory = await job.RunTickAsync(CancellationToken.None);

        var realized = Assert.Single(withoutHistory!.Report.Limits, l => l.Name == "daily_loss");
        Assert.Equal((0m, LimitState.Ok, "realized today"), (realized.Value, realized.State, realized.Detail));
        var marked = Assert.Single(withHistory!.Report.Limits, l => l.Name == "daily_loss");
        Assert.Equal((1_700m, 2_000m, LimitState.Warn, "marked to market since the previous close"), (marked.Value, marked.Limit, marked.State, marked.Detail));
        Assert.Equal(1, await _db.CountAsync("outbox", "payload->>'kind' = 'risk_warning' AND payload->>'text' LIKE 'Risk limit daily_loss OK → WARN: $1,700.00 against $2,000.00%'"));
    }

    [Fact]
    public async Task ABreach_WithBreachActionReducing_MovesTradingToReducing_AuditedAndAlerted()
    {
        await _h.OpenSpyPutAsync();
        var job = _h.Job(new PortfolioRiskSettings { MaxPositionValue = 50_000m, BreachAction = "REDUCING" });

        var outcome = await job.RunTickAsync(CancellationToken.None);

        Assert.Equal(TradingState.Reducing, outcome!.StateSetTo);
        var controls = await _h.Controls().GetAsync(CancellationToken.None);
        Assert.Equal((TradingState.Reducing, "risk-monitor", "risk limit breached: position_value"), (controls.State, controls.ChangedBy, controls.Reason));
        Assert.Equal(1, await _db.CountAsync("audit_events", "event_type = 'trading.state_changed' AND actor = 'risk-monitor' AND data->>'to' = 'REDUCING'"));
        Assert.Equal(1, await _db.CountAsync("outbox", "payload->>'kind' = 'risk_breach' AND payload->>'text' LIKE 'Risk limit position_value OK → BREACH%'"));
        Assert.Equal(1, await _db.CountAsync("outbox", "payload->>'kind' = 'trading_state' AND payload->>'text' = 'Trading ACTIVE → REDUCING by risk-monitor: risk limit breached: position_value'"));

        // Someone resumes while the breach holds: no crossing, so the job leaves their decision alone.
        await _h.Controls().SetStateAsync(TradingState.Active, "reviewed", "alice", Tick.AddSeconds(30), CancellationToken.None);
        _clock.SetUtcNow(Tick.AddMinutes(1));
        Assert.Null((await job.RunTickAsync(CancellationToken.None))!.StateSetTo);
        Assert.Equal(TradingState.Active, (await _h.Controls().GetAsync(CancellationToken.None)).State);
    }

    [Fact]
    public async Task ABreach_NeverTouchesAHaltedState()
    {
        await _h.OpenSpyPutAsync();
        await _h.Controls().SetStateAsync(TradingState.Halted, "incident", "alice", Tick.AddMinutes(-5), CancellationToken.None);

        var outcome = await _h.Job(new PortfolioRiskSettings { MaxPositionValue = 50_000m, BreachAction = "REDUCING" }).RunTickAsync(CancellationToken.None);

        Assert.Null(outcome!.StateSetTo);
        var controls = await _h.Controls().GetAsync(CancellationToken.None);
        Assert.Equal((TradingState.Halted, "alice"), (controls.State, controls.ChangedBy));
        Assert.Equal(1, await _db.CountAsync("outbox", "payload->>'kind' = 'risk_breach'"));
        Assert.Equal(0, await _db.CountAsync("audit_events", "actor = 'risk-monitor' AND event_type = 'trading.state_changed'"));
    }

    [Fact]
    public async Task WarnThenBreachThenClear_AlertsEachCrossingOnce()
    {
        await _h.OpenSpyPutAsync();
        var kinds = new List<string>();
        foreach (var (limit, minute) in new[] { (60_000m, 0), (60_000m, 1), (50_000m, 2), (50_000m, 3), (100_000m, 4) })
        {
            _clock.SetUtcNow(Tick.AddMinutes(minute));
            var outcome = await _h.Job(new PortfolioRiskSettings { MaxPositionValue = limit }).RunTickAsync(CancellationToken.None);
            kinds.AddRange(outcome!.Crossings.Select(c => c.Kind));
        }

        Assert.Equal(["warn", "breach", "clear"], kinds);
        Assert.Equal(3, await _db.CountAsync("outbox", "payload->>'kind' IN ('risk_warning', 'risk_breach', 'risk_cleared')"));
        Assert.Equal(1, await _db.CountAsync("outbox", "payload->>'kind' = 'risk_cleared' AND payload->>'text' LIKE 'Risk limit position_value BREACH → OK%'"));
    }

    [Theory]
    [InlineData("2026-03-14T15:35:00Z", "Saturday")]
    [InlineData("2026-04-03T14:35:00Z", "Good Friday")]
    // The next morning, since the clock never goes back from the tick.
    [InlineData("2026-03-12T13:29:00Z", "09:29 ET, before the open")]
    [InlineData("2026-03-11T20:00:00Z", "16:00 ET, the close")]
    public async Task OutsideASession_DoesNothing(string at, string why)
    {
        await _h.OpenSpyPutAsync();
        _clock.SetUtcNow(DateTimeOffset.Parse(at, CultureInfo.InvariantCulture));

        var outcome = await _h.Job(new PortfolioRiskSettings { MaxPositionValue = 50_000m, BreachAction = "REDUCING" }).RunTickAsync(CancellationToken.None);

        Assert.True(outcome is null, why);

        Assert.Equal(0, await _db.CountAsync("risk_snapshots"));
        Assert.Equal(0, await _db.CountAsync("risk_limit_states"));
        Assert.Equal(0, await _db.CountAsync("outbox"));
        Assert.Equal(TradingState.Active, (await _h.Controls().GetAsync(CancellationToken.None)).State);
    }

    [Fact]
    public async Task AVolatilitySpike_AlertsOnce_AndNeverMovesTheTradingState_EvenWithBreachActionHalted()
    {
        // The last five closes swing ±3% around 580 after weeks within 1%.
        await _h.OpenSpyPutAsync(i => i < 5 ? 580m * (1m + (0.03m * (i % 2 == 0 ? 1 : -1))) : 580m * (1m + (0.01m * (decimal)Math.Sin(i))));
        var job = _h.Job(new PortfolioRiskSettings { MaxPositionValue = 100_000m, BreachAction = "HALTED" });

        var first = await job.RunTickAsync(CancellationToken.None);
        _clock.SetUtcNow(Tick.AddMinutes(1));
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
    public async Task CorrelationsBefore_IsTheLatestSnapshotBeforeTheInstant()
    {
        var history = new PostgresRiskHistory(_db.DataSource);
        Assert.Null(await history.LatestBeforeAsync(Tick, CancellationToken.None));
        await _db.InsertRiskSnapshotAsync(Tick.AddDays(-1).AddHours(1), """{"underlyings": ["QQQ", "SPY"], "correlation": [[1, 0.7], [0.7, 1]]}""");
        await _db.InsertRiskSnapshotAsync(Tick.AddDays(-2), """{"underlyings": ["QQQ", "SPY"], "correlation": [[1, 0.5], [0.5, 1]]}""");
        await _db.InsertRiskSnapshotAsync(Tick, """{"underlyings": ["SPY"], "correlation": [[1]]}""");

        var reference = (await history.LatestBeforeAsync(Tick.AddMinutes(-5), CancellationToken.None))?.Correlations;

        Assert.NotNull(reference);
        Assert.Equal(Tick.AddDays(-1).AddHours(1), reference.TakenAt);
        Assert.Equal(0.7m, reference.Between("SPY", "QQQ"));
        Assert.Null(reference.Between("SPY", "IWM"));
    }
}
