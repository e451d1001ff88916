using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Infrastructure.Postgres;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Exits;

/// <summary>
/// Closing a chosen part of a position (a reduce, a scale-out): the closing order is recorded and sent for that many
/// contracts, the fill books them, the rest stays OPEN with its terms scaled down, and recovery after a crash finishes the
/// order for the quantity it was recorded for — not the whole position.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PartialCloseTests(PostgresServer server) : IAsyncLifetime
{
    // Friday 2026-02-27, 10:35 New York.
    private static readonly DateTimeOffset TenThirtyFive = new(2026, 2, 27, 15, 35, 0, TimeSpan.Zero);
    private static readonly DateOnly April17 = new(2026, 4, 17);
    private static readonly DateTimeOffset OpenedAt = new(2026, 2, 20, 14, 17, 0, TimeSpan.Zero);
    private readonly RealTimersClock _clock = new(TenThirtyFive);
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(server);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task ClosingTwoOfFour_SendsAnOrderForTwo_BooksTwo_AndLeavesTwoOpenWithTheirTerms()
    {
        RecordingBroker? broker = null;
        var h = new ExitHarness(_db, _clock, wrap: inner => broker = new RecordingBroker(inner));
        var position = (await h.OpenCspAsync("part", 580m, 1.50m, April17, OpenedAt, quantity: 4)).Position;
        h.QuoteShortPut(position, 1.10m, 1.20m, TenThirtyFive.AddMinutes(-1));

        var check = await h.Exits.CloseManuallyAsync(position.PositionId, "alice", 2, ExitReason.Adjustment, walk: true, CancellationToken.None);

        Assert.Null(check.OrderError);
        Assert.Single(broker!.Placed);
        Assert.Equal((2, ExitReason.Adjustment), (check.Closed!.Trade.Quantity, check.Closed.Trade.ExitReason));
        Assert.Equal(1, await _db.CountAsync("orders", "intent = 'CLOSE' AND status = 'FILLED' AND quantity = 2 AND filled_quantity = 2"));
        Assert.Equal(1, await _db.CountAsync("trade_history", "quantity = 2 AND exit_reason = 'adjustment'"));
        var rest = (await h.Positions.FindAsync(position.PositionId))!;
        Assert.Equal((PositionStatus.Open, 2, 2), (rest.Status, rest.Quantity, rest.ClosedQuantity));
        Assert.Equal(580m * 100 * 2, rest.Collateral);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public async Task ACountOutsideOneToTheOpenQuantity_IsRefused_AndNothingIsRecordedOrSent(int contracts)
    {
        RecordingBroker? broker = null;
        var h = new ExitHarness(_db, _clock, wrap: inner => broker = new RecordingBroker(inner));
        var position = (await h.OpenCspAsync("bad", 580m, 1.50m, April17, OpenedAt, quantity: 4)).Position;
        h.QuoteShortPut(position, 1.10m, 1.20m, TenThirtyFive.AddMinutes(-1));

        var refused = await Assert.ThrowsAsync<PositionRuleException>(() =>
            h.Exits.CloseManuallyAsync(position.PositionId, "alice", contracts, ExitReason.Adjustment, walk: true, CancellationToken.None));

        Assert.Contains($"has 4 open contract(s); cannot close {contracts}", refused.Message, StringComparison.Ordinal);
        Assert.Empty(broker!.Placed);
        Assert.Equal(0, await _db.CountAsync("orders", "intent = 'CLOSE'"));
    }

    [Fact]
    public async Task AnswerLostOnAPartialClose_RecoveryFinishesTheOrderForTwo_NotTheWholePosition()
    {
        RecordingBroker? broker = null;
        var h = new ExitHarness(_db, _clock, wrap: inner => broker = new RecordingBroker(inner));
        var position = (await h.OpenCspAsync("lost-part", 580m, 1.50m, April17, OpenedAt, quantity: 4)).Position;
        h.QuoteShortPut(position, 1.10m, 1.20m, TenThirtyFive.AddMinutes(-1));
        broker!.Crash = CrashPoint.AfterPlace;

        await Assert.ThrowsAsync<SimulatedCrashException>(() =>
            h.Exits.CloseManuallyAsync(position.PositionId, "alice", 2, ExitReason.Adjustment, walk: true, CancellationToken.None));
        broker.Crash = CrashPoint.None;
        var working = Assert.Single(await new PostgresOrderRecords(_db.DataSource).ListWorkingAsync(CancellationToken.None));
        Assert.Equal(2, working.Quantity);

        var resumed = await h.Restarted().ResumeCloseAsync(working, CancellationToken.None);

        Assert.Equal((2, ExitReason.Adjustment), (resumed!.Closed!.Trade.Quantity, resumed.Closed.Trade.ExitReason));
        Assert.Null(resumed.OrderError);
        Assert.Single(broker.Placed);
        Assert.Equal(1, await _db.CountAsync("orders", $"client_order_id = '{working.ClientOrderId}' AND status = 'FILLED' AND filled_quantity = 2"));
        var rest = (await h.Positions.FindAsync(position.PositionId))!;
        Assert.Equal((PositionStatus.Open, 2), (rest.Status, rest.Quantity));
    }
}
