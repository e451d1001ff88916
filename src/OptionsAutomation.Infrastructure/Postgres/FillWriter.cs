using Npgsql;
using NpgsqlTypes;
using OptionsAutomation.Core.Orders;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>
/// Records a broker's leg fills, each with its commission, inside the caller's transaction; a fill id seen before is ignored.
/// All of an order's legs go in one statement (the legs as arrays, <c>unnest</c>, in leg order): a four-legged fill costs
/// one round trip inside the booking's transaction, not four.
/// </summary>
internal static class FillWriter
{
    private const string Sql =
        """
        INSERT INTO fills (broker_fill_id, broker_order_id, client_order_id, request_id, position_id, symbol, side, quantity, price, fees, filled_at)
        SELECT l.fill_id, @broker_order_id, @client_order_id, @request_id, @position_id, l.symbol, l.side, l.quantity, l.price, l.fee, @filled_at
        FROM unnest(@fill_ids, @symbols, @sides, @quantities, @prices, @fees) WITH ORDINALITY AS l(fill_id, symbol, side, quantity, price, fee, leg)
        ORDER BY l.leg
        ON CONFLICT (broker_fill_id) DO NOTHING
        """;

    public static async Task InsertAsync(NpgsqlTransaction transaction, OrderState fill, string? requestId, long? positionId, CancellationToken cancellationToken)
    {
        var legs = fill.Fills;
        if (legs.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(Sql, transaction.Connection, transaction);
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<string[]>("fill_ids", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { TypedValue = [.. legs.Select(l => l.FillId)] });
        p.Add(new NpgsqlParameter<string[]>("symbols", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { TypedValue = [.. legs.Select(l => l.Leg.Contract.OccSymbol)] });
        p.Add(new NpgsqlParameter<string[]>("sides", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { TypedValue = [.. legs.Select(l => l.Leg.Buys ? "BUY" : "SELL")] });
        p.Add(new NpgsqlParameter<int[]>("quantities", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = [.. legs.Select(l => l.Contracts)] });
        p.Add(new NpgsqlParameter<decimal[]>("prices", NpgsqlDbType.Array | NpgsqlDbType.Numeric) { TypedValue = [.. legs.Select(l => l.Price)] });
        p.Add(new NpgsqlParameter<decimal[]>("fees", NpgsqlDbType.Array | NpgsqlDbType.Numeric) { TypedValue = [.. legs.Select(l => l.Fee)] });
        p.Add(new NpgsqlParameter<string>("broker_order_id", NpgsqlDbType.Varchar) { TypedValue = fill.BrokerOrderId ?? fill.ClientOrderId });
        p.Add(new NpgsqlParameter<string>("client_order_id", NpgsqlDbType.Varchar) { TypedValue = fill.ClientOrderId });
        p.Add(new NpgsqlParameter("request_id", NpgsqlDbType.Varchar) { Value = (object?)requestId ?? DBNull.Value });
        p.Add(new NpgsqlParameter("position_id", NpgsqlDbType.Bigint) { Value = (object?)positionId ?? DBNull.Value });
        p.Add(new NpgsqlParameter<DateTime>("filled_at", NpgsqlDbType.TimestampTz) { TypedValue = fill.At.UtcDateTime });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
