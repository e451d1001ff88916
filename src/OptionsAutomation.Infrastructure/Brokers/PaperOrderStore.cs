using Dapper;
using Npgsql;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Orders.Paper;
using OptionsAutomation.Infrastructure.Postgres;

namespace OptionsAutomation.Infrastructure.Brokers;

/// <summary>
/// The paper broker's book in Postgres (<c>paper_orders</c>, <c>paper_fills</c>, migration 0010): orders are loaded
/// under a row lock for one call and written back with the fills that call made, so the book outlives the process and
/// several processes (worker, CLI) share one broker.
/// </summary>
internal static class PaperOrderStore
{
    /// <returns>False when an order with that client order id is already in the book (nothing written).</returns>
    public static async Task<bool> InsertAsync(NpgsqlTransaction transaction, PaperOrder order, CancellationToken cancellationToken)
    {
        var inserted = await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO paper_orders (client_order_id, underlying, legs, quantity, limit_price, as_of, placed_at, status, state_at)
            VALUES (@ClientOrderId, @Underlying, CAST(@Legs AS jsonb), @Quantity, @LimitPrice, @AsOf, @PlacedAt, 'SUBMITTED', @AsOf)
            ON CONFLICT (client_order_id) DO NOTHING
            """,
            new
            {
                order.Ticket.ClientOrderId, order.Ticket.Underlying, Legs = OrderLegsJson.Serialize(order.Ticket.Legs), order.Ticket.Quantity,
                order.Ticket.LimitPrice, AsOf = order.Ticket.AsOf.ToUniversalTime(), PlacedAt = order.PlacedAt.ToUniversalTime(),
            },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return inserted == 1;
    }

    /// <summary>The order with its fills, its row locked until the transaction ends; null when the book has no such order.</summary>
    public static async Task<PaperOrder?> LoadForUpdateAsync(NpgsqlTransaction transaction, string clientOrderId, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        var row = await connection.QuerySingleOrDefaultAsync<OrderRow>(new CommandDefinition(
            """
            SELECT client_order_id, underlying, legs::text AS legs, quantity, limit_price, as_of, placed_at, status, filled_quantity, net_total, fees, reason, state_at
            FROM paper_orders WHERE client_order_id = @clientOrderId FOR UPDATE
            """,
            new { clientOrderId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var fills = await FillsAsync(connection, transaction, clientOrderId, cancellationToken).ConfigureAwait(false);
        var ticket = new OrderTicket(row.ClientOrderId, row.Underlying, new(OrderLegsJson.Parse(row.Legs, "paper_orders")), row.Quantity, row.LimitPrice, RowTime.Utc(row.AsOf));
        var filled = row.FilledQuantity;
        var state = new OrderState(row.ClientOrderId, DomainCodes.Parse<OrderStatus>(row.Status), row.Quantity, filled,
            filled == 0 ? null : decimal.Round(row.NetTotal / filled, 4, MidpointRounding.AwayFromZero), row.Fees, new(fills),
            PaperOrder.BrokerOrderId(row.ClientOrderId), row.Reason, RowTime.Utc(row.StateAt));
        return new PaperOrder(ticket, RowTime.Utc(row.PlacedAt), state, row.NetTotal);
    }

    public static async Task SaveAsync(NpgsqlTransaction transaction, PaperOrder order, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        var state = order.State;
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE paper_orders SET limit_price = @LimitPrice, status = @Status, filled_quantity = @FilledQuantity, net_total = @NetTotal, fees = @Fees, reason = @Reason, state_at = @At
            WHERE client_order_id = @ClientOrderId
            """,
            new { order.Ticket.LimitPrice, Status = state.Status.ToCode(), state.FilledQuantity, order.NetTotal, state.Fees, state.Reason, At = state.At.ToUniversalTime(), state.ClientOrderId },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        foreach (var (fill, seq) in order.NewFills)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO paper_fills (fill_id, client_order_id, seq, symbol, side, ratio, contracts, price, fee, filled_at)
                VALUES (@FillId, @ClientOrderId, @Seq, @Symbol, @Side, @Ratio, @Contracts, @Price, @Fee, @At)
                """,
                new
                {
                    fill.FillId, state.ClientOrderId, Seq = seq, Symbol = fill.Leg.Contract.OccSymbol, Side = fill.Leg.Side.ToCode(), fill.Leg.Ratio,
                    fill.Contracts, fill.Price, fill.Fee, At = state.At.ToUniversalTime(),
                },
                transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }

    /// <summary>The fills of one order (oldest first), or of every order in the order they were made when <paramref name="clientOrderId"/> is null.</summary>
    public static async Task<List<LegFill>> FillsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string? clientOrderId, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<LegFillRow>(new CommandDefinition(
            """
            SELECT f.fill_id, f.symbol, f.side, f.ratio, f.contracts, f.price, f.fee
            FROM paper_fills f JOIN paper_orders o USING (client_order_id)
            WHERE @clientOrderId::text IS NULL OR f.client_order_id = @clientOrderId
            ORDER BY f.filled_at, o.placed_at, f.client_order_id, f.seq
            """,
            new { clientOrderId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToLegFill("paper_fills"))];
    }

    private sealed class OrderRow
    {
        public string ClientOrderId { get; set; } = "";
        public string Underlying { get; set; } = "";
        public string Legs { get; set; } = "[]";
        public int Quantity { get; set; }
        public decimal? LimitPrice { get; set; }
        public DateTime AsOf { get; set; }
        public DateTime PlacedAt { get; set; }
        public string Status { get; set; } = "";
        public int FilledQuantity { get; set; }
        public decimal NetTotal { get; set; }
        public decimal Fees { get; set; }
        public string? Reason { get; set; }
        public DateTime StateAt { get; set; }
    }
}
