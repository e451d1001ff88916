using System.Globalization;
using Dapper;
using Npgsql;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Infrastructure.Audit;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>The rows only an expiration writes, inside the caller's transaction: the SETTLE order and the shares of an assignment.</summary>
internal static class SettlementWriter
{
    /// <summary>Expiration is a fill at intrinsic value like any other: the order is recorded PENDING here and moved to FILLED after.</summary>
    public static async Task RecordOrderAsync(
        NpgsqlTransaction transaction, OrderState settlement, long positionId, string? requestId, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await OrderWriter.RecordAsync(transaction, settlement.ClientOrderId, OrderIntent.Settle, settlement.Fills.Select(f => f.Leg), settlement.Quantity, null,
            requestId, positionId, settlement.Reason, actor, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The shares of an assignment as a STOCK position: price per share, multiplier 1, no stop or target
    /// (the option exit rules do not apply), max loss and collateral the cost of the shares.
    /// </summary>
    public static async Task<long> OpenSharesAsync(NpgsqlTransaction transaction, AssignedShares shares, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = await transaction.Connection!.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO positions (request_id, ticker, strategy_type, status, entry_date, entry_price, quantity,
                stop_loss, profit_target, days_held, legs, notes, last_updated, multiplier, fees, max_loss, collateral)
            VALUES (@RequestId, @Ticker, 'STOCK', 'OPEN', @At, @Price, @Shares, 0, 0, 0, '[]'::jsonb, @Notes, @Now, 1, 0, @Cost, @Cost)
            RETURNING position_id
            """,
            new { shares.RequestId, shares.Ticker, At = shares.At.ToUniversalTime(), shares.Price, shares.Shares, Notes = shares.Notes(), Now = now.ToUniversalTime(), Cost = shares.Cost() },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await AuditLog.AppendAsync(transaction, new AuditEvent(now, actor, "position.opened", "position", id.ToString(CultureInfo.InvariantCulture),
            shares.RequestId, id, shares)).ConfigureAwait(false);
        return id;
    }
}
