using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Postgres;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Postgres;

/// <summary>
/// <see cref="PostgresOrderRecords"/> on rows as older versions wrote them: a FAILED status, fills without a client
/// order id (found by the paper broker's order id), events without a filled quantity, and an opening order recorded
/// before its position existed.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class OrderRecordsTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly DateTimeOffset Opened = new(2026, 2, 20, 14, 17, 0, TimeSpan.Zero);
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(server);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task LegacyRows_ReadAsTheStateMachineNamesThem_WithTheirFills()
    {
        var position = (await _db.Positions(new RealTimersClock(Opened)).OpenAsync(new OpenPositionRequest
        {
            RequestId = "legacy-req",
            Strategy = StrategyType.CashSecuredPut,
            Ticker = "SPY",
            Expiration = new DateOnly(2026, 4, 17),
            ShortStrike = 580m,
            Credit = 1.50m,
            Quantity = 1,
            OpenedAt = Opened,
            Actor = "test",
        })).Position;
        var id = position.PositionId;
        const string Put = "SPY   260417P00580000";
        await _db.ExecuteAsync(
            $$"""
            INSERT INTO orders (client_order_id, position_id, request_id, intent, reason, status, legs, limit_price, fill_price, fees, created_at, updated_at)
            VALUES ('open-legacy-req', NULL, 'legacy-req', 'OPEN', NULL, 'FILLED', '[{"symbol":"{{Put}}","side":"sell_to_open","ratio":1}]', 1.50, 1.50, 0.65,
                    '2026-02-20T14:16:00Z', '2026-02-20T14:17:00Z'),
                   ('close-legacy-1', {{id}}, 'legacy-req', 'CLOSE', 'stop_loss', 'FAILED', '[{"symbol":"{{Put}}","side":"buy_to_close","ratio":1}]', NULL, NULL, NULL,
                    '2026-02-25T15:00:00Z', '2026-02-25T15:00:00Z'),
                   ('other-order', NULL, 'other-req', 'OPEN', NULL, 'PENDING', '[]', 2.00, NULL, NULL,
                    '2026-02-26T15:00:00Z', '2026-02-26T15:00:00Z');
            INSERT INTO fills (broker_fill_id, broker_order_id, request_id, position_id, symbol, side, quantity, price, fees, filled_at)
            VALUES ('legacy-fill-1', 'paper-open-legacy-req', 'legacy-req', {{id}}, '{{Put}}', 'SELL', 1, 1.50, 0.65, '2026-02-20T14:17:00Z');
            INSERT INTO audit_events (occurred_at, actor, event_type, entity_type, entity_id, request_id, position_id, data)
            VALUES ('2026-02-20T14:16:00Z', 'approval', 'order.submitted', 'order', 'open-legacy-req', 'legacy-req', NULL, '{"intent":"OPEN"}'),
                   ('2026-02-20T14:17:00Z', 'approval', 'order.filled', 'order', 'open-legacy-req', 'legacy-req', NULL, '{}'),
                   ('2026-02-25T15:00:00Z', 'exit-rules', 'order.submitted', 'order', 'close-legacy-1', 'legacy-req', {{id}}, '{"intent":"CLOSE"}'),
                   ('2026-02-25T15:00:01Z', 'exit-rules', 'order.rejected', 'order', 'close-legacy-1', 'legacy-req', {{id}}, '{"error":"no quote"}'),
                   ('2026-02-25T15:00:01Z', 'exit-rules', 'position.marked', 'position', '{{id}}', 'legacy-req', {{id}}, '{}');
            """);
        var records = new PostgresOrderRecords(_db.DataSource);

        var orders = await records.ListAsync(new OrderFilter(PositionId: id), CancellationToken.None);

        Assert.Equal(["close-legacy-1", "open-legacy-req"], orders.Select(o => o.ClientOrderId));
        var failed = orders[0];
        Assert.Equal((OrderIntent.Close, OrderStatus.Rejected, (int?)null, "no quote"), (failed.Intent, failed.State, failed.Quantity, failed.History[^1].Reason));
        Assert.Equal([OrderStatus.Pending, OrderStatus.Rejected], failed.History.Select(h => h.Status));
        Assert.Empty(failed.Fills);
        var opening = orders[1];
        Assert.Equal([OrderStatus.Pending, OrderStatus.Filled], opening.History.Select(h => h.Status));
        Assert.Equal((1.50m, 0.65m), (opening.LimitPrice, opening.Fees));
        Assert.Equal(new OrderLegRecord(Put, OrderSide.SellToOpen, 1), Assert.Single(opening.Legs));
        var fill = Assert.Single(opening.Fills);
        Assert.Equal(new OrderFillRecord("legacy-fill-1", Put, FillSide.Sell, 1, 1.50m, 0.65m, new DateTimeOffset(2026, 2, 20, 14, 17, 0, TimeSpan.Zero), "open-legacy-req"), fill);
        Assert.Equal([fill], await records.FillsOfPositionAsync(id, CancellationToken.None));

        Assert.Equal(["other-order"], (await records.ListAsync(new OrderFilter(OpenOnly: true), CancellationToken.None)).Select(o => o.ClientOrderId));
        Assert.Equal(["close-legacy-1", "open-legacy-req"], (await records.ListAsync(new OrderFilter(RequestId: "legacy-req"), CancellationToken.None)).Select(o => o.ClientOrderId));
        Assert.Equal(3, (await records.ListAsync(OrderFilter.All, CancellationToken.None)).Count);
        Assert.Empty(await records.ListAsync(new OrderFilter(RequestId: "nobody"), CancellationToken.None));
    }
}
