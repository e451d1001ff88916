using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Exits;

/// <summary>
/// The trailing profit stop against Postgres: its peak is the position's stored <c>mfe</c>, so a worker that restarts
/// between the peak and the give-back still exits, and the close is stored with reason <c>trailing_stop</c>.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TrailingStopExitTests(PostgresServer server) : IAsyncLifetime
{
    // Friday 2026-02-27, 10:35 New York: 49 days before the April 17 expiration, so 21 DTE does not fire.
    private static readonly DateTimeOffset TenThirtyFive = new(2026, 2, 27, 15, 35, 0, TimeSpan.Zero);
    private static readonly DateOnly April17 = new(2026, 4, 17);
    private static readonly DateTimeOffset OpenedAt = new(2026, 2, 20, 14, 17, 0, TimeSpan.Zero);

    /// <summary>Max profit 150 (credit 1.50, 1 contract, no fees): active from +45, gives back half the best.</summary>
    private static readonly ExitRuleSettings Trailing = new() { TrailingActivationFraction = 0.3m, TrailingGiveBackFraction = 0.5m };

    private readonly RealTimersClock _clock = new(TenThirtyFive);
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(server);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task PeakStoredBeforeARestart_GiveBackAfterItExitsAsTrailingStop()
    {
        var before = new ExitHarness(_db, _clock, Trailing);
        var position = (await before.OpenCspAsync("trail", 580m, 1.50m, April17, OpenedAt)).Position;

        // Mid 0.90: P&L +60 ≥ 45 activates the stop (floor 30) and is stored as mfe; the 75 target is not reached.
        before.QuoteShortPut(position, 0.89m, 0.91m, TenThirtyFive.AddMinutes(-1));
        Assert.Equal(ExitDecisionKind.Hold, (await before.RunOneAsync()).Decision.Decision);
        Assert.Equal(1, await _db.CountAsync("positions", $"position_id = {position.PositionId} AND mfe = 60 AND status = 'OPEN'"));

        // A new process: mid 1.20 is P&L +30 = 60 × (1 − 0.5). The paper broker fills at the ask less 0.01.
        _clock.SetUtcNow(TenThirtyFive.AddHours(2));
        var after = new ExitHarness(_db, _clock, Trailing);
        after.QuoteShortPut(position, 1.19m, 1.21m, _clock.GetUtcNow().AddMinutes(-1));
        var exit = await after.RunOneAsync();

        Assert.Equal(ExitReason.TrailingStop, exit.Decision.Reason);
        Assert.Equal(1, await _db.CountAsync("positions",
            $"position_id = {position.PositionId} AND status = 'CLOSED' AND exit_reason = 'trailing_stop' AND exit_price = 1.20 AND realized_pnl = 30"));
        Assert.Equal(1, await _db.CountAsync("trade_history",
            $"position_id = {position.PositionId} AND exit_reason = 'trailing_stop' AND pnl_realized = 30 AND win_loss = 'WIN'"));
        Assert.Equal(1, await _db.CountAsync("orders", $"position_id = {position.PositionId} AND intent = 'CLOSE' AND reason = 'trailing_stop' AND status = 'FILLED'"));
    }
}
