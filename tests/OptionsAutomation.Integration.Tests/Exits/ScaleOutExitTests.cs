using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Exits;

/// <summary>
/// Scaling out through the exit job on Postgres and the paper broker. A 580 CSP, 4 contracts sold at 1.50, no fees: max
/// profit 600, the first target (0.25) 150, the profit target (0.5) 300. The put quoted 1.05 / 1.15 (mid 1.10): P&amp;L
/// (1.50 − 1.10) × 400 = 160 ≥ 150, so half — 2 contracts — close; the paper broker buys at the ask less its 0.01
/// improvement, 1.14, so the scale-out's trade earns (1.50 − 1.14) × 200 = 72.00.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ScaleOutExitTests(PostgresServer server) : IAsyncLifetime
{
    // Friday 2026-02-27, 10:35 New York.
    private static readonly DateTimeOffset TenThirtyFive = new(2026, 2, 27, 15, 35, 0, TimeSpan.Zero);
    private static readonly DateOnly April17 = new(2026, 4, 17);
    private static readonly DateTimeOffset OpenedAt = new(2026, 2, 20, 14, 17, 0, TimeSpan.Zero);
    private static readonly ExitRuleSettings Rules = new() { ScaleOutAtFraction = 0.25m, ScaleOutShare = 0.5m };
    private readonly RealTimersClock _clock = new(TenThirtyFive);
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(server);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task FourContractsAtTheFirstTarget_CloseTwo_TheRestStaysOpen_AndTheNextTickDoesNotScaleOutAgain()
    {
        RecordingBroker? broker = null;
        var h = new ExitHarness(_db, _clock, Rules, wrap: inner => broker = new RecordingBroker(inner));
        var position = (await h.OpenCspAsync("scale", 580m, 1.50m, April17, OpenedAt, quantity: 4)).Position;
        h.QuoteShortPut(position, 1.05m, 1.15m, TenThirtyFive.AddMinutes(-1));

        var check = await h.RunOneAsync();

        Assert.Equal((ExitReason.ScaleOut, 2), (check.Decision.Reason, check.Decision.Contracts));
        Assert.Null(check.OrderError);
        Assert.Single(broker!.Placed);
        Assert.Equal(1, await _db.CountAsync("orders", "intent = 'CLOSE' AND status = 'FILLED' AND quantity = 2 AND filled_quantity = 2"));
        // What the broker was sent: the paper broker's own book holds the order for 2, all filled.
        Assert.Equal(1, await _db.CountAsync("paper_orders", $"client_order_id = '{broker.Placed.Single()}' AND quantity = 2 AND filled_quantity = 2"));
        Assert.Equal(1, await _db.CountAsync("trade_history",
            $"position_id = {position.PositionId} AND quantity = 2 AND exit_reason = 'scale_out' AND exit_price = 1.14 AND pnl_realized = 72.00"));
        var rest = (await h.Positions.FindAsync(position.PositionId))!;
        Assert.Equal((PositionStatus.Open, 2, 2, true), (rest.Status, rest.Quantity, rest.ClosedQuantity, rest.ScaledOut));
        Assert.Equal(580m * 100 * 2, rest.Collateral);

        // The next tick at the same quotes: the rest's P&L (1.50 − 1.10) × 200 = 80 is above a first target of
        // 0.25 × 300 = 75, but the position was scaled out once; its profit target is 150: it holds.
        var next = await h.RunOneAsync();

        Assert.Equal(ExitDecisionKind.Hold, next.Decision.Decision);
        Assert.Single(broker.Placed);
        Assert.Equal(1, await _db.CountAsync("orders", "intent = 'CLOSE'"));
    }
}
