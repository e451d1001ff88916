using Dapper;
using Npgsql;
using OptionsAutomation.Core.Orders;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>Records a broker's leg fills, each with its commission, inside the caller's transaction; a fill id seen before is ignored.</summary>
internal static class FillWriter
{
    public static async Task InsertAsync(NpgsqlTransaction transaction, OrderState fill, string? requestId, long? positionId, CancellationToken cancellationToken)
    {
        foreach (var leg in fill.Fills)
        {
            await transaction.Connection!.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO fills (broker_fill_id, broker_order_id, client_order_id, request_id, position_id, symbol, side, quantity, price, fees, filled_at)
                VALUES (@FillId, @BrokerOrderId, @ClientOrderId, @RequestId, @PositionId, @Symbol, @Side, @Contracts, @Price, @Fee, @At)
                ON CONFLICT (broker_fill_id) DO NOTHING
                """,
                new
                {
                    leg.FillId,
                    BrokerOrderId = fill.BrokerOrderId ?? fill.ClientOrderId,
                    fill.ClientOrderId,
                    RequestId = requestId,
                    PositionId = positionId,
                    Symbol = leg.Leg.Contract.OccSymbol,
                    Side = leg.Leg.Buys ? "BUY" : "SELL",
                    leg.Contracts,
                    leg.Price,
                    leg.Fee,
                    At = fill.At.ToUniversalTime(),
                },
                transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }
}
