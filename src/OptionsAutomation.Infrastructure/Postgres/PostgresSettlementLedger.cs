using System.Globalization;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Audit;
using OptionsAutomation.Infrastructure.Outbox;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>Expirations booked in Postgres: the SETTLE order and its fills, the close, the assigned shares and the alert in one transaction.</summary>
public sealed partial class PostgresSettlementLedger(NpgsqlDataSource dataSource, ILogger<PostgresSettlementLedger> logger, RiskSettings? risk = null) : ISettlementLedger
{
    private readonly RiskSettings _risk = risk ?? new RiskSettings();

    static PostgresSettlementLedger() => DapperConventions.Apply();

    public async Task<(ClosedPosition Closed, long? SharesPositionId)> SettleExpirationAsync(
        long positionId, Func<Position, ClosedPosition> close, OrderState settlement, AssignedShares? shares, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var closed = await PositionCloseWriter.CloseAsync(transaction, positionId, close, ExpirationService.Actor, _risk, byClosingOrder: false, cancellationToken).ConfigureAwait(false);
        // Expiration is a fill at intrinsic value like any other: an order recorded and filled in the same transaction.
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO orders (client_order_id, position_id, request_id, intent, reason, status, legs, quantity, created_at, updated_at)
            VALUES (@ClientOrderId, @PositionId, @RequestId, 'SETTLE', @Reason, 'PENDING', CAST(@Legs AS jsonb), @Quantity, @Now, @Now)
            """,
            new
            {
                settlement.ClientOrderId, PositionId = positionId, closed.Position.RequestId, settlement.Reason,
                Legs = OrderLegsJson.Serialize(settlement.Fills.Select(f => f.Leg)), settlement.Quantity, Now = now.ToUniversalTime(),
            },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await AuditLog.AppendAsync(transaction, new AuditEvent(now, ExpirationService.Actor, "order.submitted", "order", settlement.ClientOrderId,
            closed.Position.RequestId, positionId, new { intent = "SETTLE", reason = settlement.Reason, quantity = settlement.Quantity })).ConfigureAwait(false);
        await OrderWriter.MoveAsync(transaction, settlement, ExpirationService.Actor, closed.Position.RequestId, positionId, null, now, cancellationToken).ConfigureAwait(false);
        await FillWriter.InsertAsync(transaction, settlement, closed.Position.RequestId, positionId, cancellationToken).ConfigureAwait(false);
        long? sharesId = shares is null ? null : await OpenSharesAsync(transaction, shares, now, cancellationToken).ConfigureAwait(false);
        await OutboxWriter.EnqueueAsync(transaction, Alert.Expiration(closed, shares, sharesId), now).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        LogSettled(positionId, closed.Position.RequestId, closed.Trade.ExitReason.ToCode(), closed.Trade.ExitPrice, closed.Trade.PnlRealized);
        return (closed, sharesId);
    }


    /// <summary>
    /// The shares of an assignment as a STOCK position: price per share, multiplier 1, no stop or target
    /// (the option exit rules do not apply), max loss and collateral the cost of the shares.
    /// </summary>
    private static async Task<long> OpenSharesAsync(NpgsqlTransaction transaction, AssignedShares shares, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cost = shares.Price * shares.Shares;
        var notes = string.Create(CultureInfo.InvariantCulture,
            $"assigned from position {shares.FromPositionId}; tax cost basis {shares.CostBasisPerShare:0.00##}/share (strike − credit)");
        var id = await transaction.Connection!.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO positions (request_id, ticker, strategy_type, status, entry_date, entry_price, quantity,
                stop_loss, profit_target, days_held, legs, notes, last_updated, multiplier, fees, max_loss, collateral)
            VALUES (@RequestId, @Ticker, 'STOCK', 'OPEN', @At, @Price, @Shares, 0, 0, 0, '[]'::jsonb, @Notes, @Now, 1, 0, @Cost, @Cost)
            RETURNING position_id
            """,
            new { shares.RequestId, shares.Ticker, At = shares.At.ToUniversalTime(), shares.Price, shares.Shares, Notes = notes, Now = now.ToUniversalTime(), Cost = cost },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await AuditLog.AppendAsync(transaction, new AuditEvent(now, ExpirationService.Actor, "position.opened", "position", Id(id),
            shares.RequestId, id, shares)).ConfigureAwait(false);
        return id;
    }

    private static string Id(long positionId) => positionId.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Position {position_id} (request {request_id}) settled at expiration: {exit_reason} at {exit_price}, realized {pnl_realized}")]
    private partial void LogSettled(long position_id, string request_id, string exit_reason, decimal exit_price, decimal pnl_realized);
}
