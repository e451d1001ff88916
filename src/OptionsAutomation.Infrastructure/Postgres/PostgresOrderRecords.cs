using System.Text;
using Dapper;
using Npgsql;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>
/// Reads <c>orders</c>, with each order's history from <c>audit_events</c> (entity type <c>order</c>, entity id = client
/// order id) and its <c>fills</c>.
/// </summary>
public sealed class PostgresOrderRecords(NpgsqlDataSource dataSource) : IOrderRecords
{
    /// <summary>
    /// The fills of the orders in <c>@Ids</c>: by <c>fills.client_order_id</c> (since migration 0009), else, for older
    /// rows, by the broker's order id, which was the client order id, the paper broker's <c>paper-</c> + it, or the id
    /// the broker gave the order.
    /// </summary>
    private const string FillsOfOrders =
        $"""
        SELECT f.client_order_id, {FillColumns} FROM fills f WHERE f.client_order_id = ANY(@Ids)
        UNION ALL
        SELECT o.client_order_id, {FillColumns}
        FROM fills f JOIN orders o ON f.broker_order_id IN (o.client_order_id, 'paper-' || o.client_order_id, o.broker_order_id)
        WHERE f.client_order_id IS NULL AND o.client_order_id = ANY(@Ids)
        ORDER BY filled_at, fill_id
        """;

    private const string FillColumns = "f.fill_id, f.broker_fill_id, f.symbol, f.side, f.quantity, f.price, f.fees, f.filled_at";

    static PostgresOrderRecords() => DapperConventions.Apply();

    public async Task<IReadOnlyList<WorkingOrder>> ListWorkingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<OrderRecordRow>(new CommandDefinition(
            $"SELECT {OrderRecordRow.Columns} FROM orders WHERE status IN ({OrderRecordRow.WorkingStatuses}) ORDER BY created_at, order_id",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToWorking())];
    }

    public async Task<IReadOnlyList<OrderRecord>> ListAsync(OrderFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var where = new StringBuilder("TRUE");
        if (filter.PositionId is not null)
        {
            // A position's orders: its closing orders, and the opening order of the request it was opened from (recorded
            // before the position existed, so without a position id).
            where.Append(
                " AND (position_id = @PositionId OR (position_id IS NULL AND request_id = (SELECT request_id FROM positions WHERE position_id = @PositionId)))");
        }

        if (filter.RequestId is not null)
        {
            where.Append(" AND request_id = @RequestId");
        }

        if (filter.OpenOnly)
        {
            where.Append($" AND status IN ({OrderRecordRow.WorkingStatuses})");
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var orders = (await connection.QueryAsync<OrderRecordRow>(new CommandDefinition(
            $"SELECT {OrderRecordRow.AllColumns} FROM orders WHERE {where} ORDER BY created_at DESC, order_id DESC LIMIT {OrderFilter.Limit}",
            new { filter.PositionId, filter.RequestId }, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
        if (orders.Count == 0)
        {
            return [];
        }

        var ids = orders.Select(o => o.ClientOrderId).ToArray();
        var events = (await connection.QueryAsync<OrderEventRow>(new CommandDefinition(
            """
            SELECT entity_id, occurred_at, actor, event_type, (data->>'filled')::integer AS filled,
                coalesce(data->>'reason', data->>'error') AS reason,
                CASE WHEN event_type = @Repriced THEN (data->>'step')::integer END AS step,
                CASE WHEN event_type = @Repriced THEN (data->>'from')::numeric END AS from_limit,
                CASE WHEN event_type = @Repriced THEN (data->>'to')::numeric END AS to_limit,
                CASE WHEN event_type = @Repriced THEN (data->>'cap')::numeric END AS cap
            FROM audit_events
            WHERE entity_type = 'order' AND entity_id = ANY(@Ids)
            ORDER BY event_id
            """,
            new { Ids = ids, Repriced = OrderEvents.Repriced }, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToLookup(e => e.EntityId, StringComparer.Ordinal);
        var fills = (await connection.QueryAsync<FillRow>(new CommandDefinition(FillsOfOrders, new { Ids = ids }, cancellationToken: cancellationToken))
            .ConfigureAwait(false)).ToLookup(f => f.ClientOrderId!, StringComparer.Ordinal);
        return [.. orders.Select(o => o.ToRecord(History(o, events[o.ClientOrderId]), fills[o.ClientOrderId].Select(f => f.ToRecord()), Reprices(events[o.ClientOrderId])))];
    }

    public async Task<IReadOnlyDictionary<long, IReadOnlyList<OrderFillRecord>>> FillsOfPositionsAsync(
        IReadOnlyCollection<long> positionIds, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<FillRow>(new CommandDefinition(
            $"""
            SELECT f.position_id,
                coalesce(f.client_order_id,
                    (SELECT o.client_order_id FROM orders o
                     WHERE f.broker_order_id IN (o.client_order_id, 'paper-' || o.client_order_id, o.broker_order_id)
                     ORDER BY o.order_id LIMIT 1)) AS client_order_id,
                {FillColumns}
            FROM fills f
            WHERE f.position_id = ANY(@Ids)
            ORDER BY f.filled_at, f.fill_id
            """,
            new { Ids = positionIds.ToArray() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.GroupBy(r => r.PositionId!.Value)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<OrderFillRecord>)[.. g.Select(r => r.ToRecord())]);
    }

    /// <summary>
    /// The states the order's audit events name, in event order. <c>order.submitted</c> is the PENDING row written before
    /// the broker call, <c>order.accepted</c> the broker's SUBMITTED; older events without a filled quantity keep the
    /// one before (a fill without one filled the order). Events that name no state are left out.
    /// </summary>
    private static IEnumerable<OrderTransition> History(OrderRecordRow order, IEnumerable<OrderEventRow> events)
    {
        var filled = 0;
        foreach (var e in events)
        {
            if (OrderEvents.StatusOf(e.EventType) is not { } status)
            {
                continue;
            }

            filled = e.Filled ?? (status == OrderStatus.Filled ? order.Quantity ?? order.FilledQuantity : filled);
            yield return new OrderTransition(RowTime.Utc(e.OccurredAt), e.EventType, status, filled, e.Actor, e.Reason);
        }
    }

    /// <summary>The steps of the order's price walk, from its <c>order.repriced</c> events.</summary>
    private static IEnumerable<OrderReprice> Reprices(IEnumerable<OrderEventRow> events) =>
        events.Where(e => e is { EventType: OrderEvents.Repriced, Step: not null, ToLimit: not null, Cap: not null })
            .Select(e => new OrderReprice(e.EntityId, e.Step!.Value, e.FromLimit, e.ToLimit!.Value, e.Cap!.Value, RowTime.Utc(e.OccurredAt), e.Actor));

    private sealed class OrderEventRow
    {
        public int? Step { get; set; }
        public decimal? FromLimit { get; set; }
        public decimal? ToLimit { get; set; }
        public decimal? Cap { get; set; }

        public string EntityId { get; set; } = "";
        public DateTime OccurredAt { get; set; }
        public string Actor { get; set; } = "";
        public string EventType { get; set; } = "";
        public int? Filled { get; set; }
        public string? Reason { get; set; }
    }

    private sealed class FillRow
    {
        /// <summary>Read only by <see cref="FillsOfPositionsAsync"/>.</summary>
        public long? PositionId { get; set; }

        public string? ClientOrderId { get; set; }
        public long FillId { get; set; }
        public string BrokerFillId { get; set; } = "";
        public string Symbol { get; set; } = "";
        public string Side { get; set; } = "";
        public int Quantity { get; set; }
        public decimal Price { get; set; }
        public decimal Fees { get; set; }
        public DateTime FilledAt { get; set; }

        public OrderFillRecord ToRecord() => new(
            BrokerFillId, Symbol, DomainCodes.Parse<FillSide>(Side), Quantity, Price, Fees, RowTime.Utc(FilledAt), ClientOrderId);
    }
}
