using Dapper;
using Npgsql;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Infrastructure.Audit;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>
/// Moves an order row through <see cref="OrderLifecycle"/> inside the caller's transaction: the row is locked, Core
/// judges the move (an illegal one throws and the transaction rolls back), and a real move is written with its audit
/// event. Repeating a state already stored writes nothing, so progress reported twice (a poll, a recovery) is harmless.
/// </summary>
internal static class OrderWriter
{
    /// <returns>True when the order moved (and was audited).</returns>
    public static async Task<bool> MoveAsync(
        NpgsqlTransaction transaction, OrderState state, string actor, string? requestId, long? positionId, string? error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        var stored = await connection.QuerySingleOrDefaultAsync<(string Status, int Filled, int? Quantity)?>(new CommandDefinition(
            "SELECT status, filled_quantity, quantity FROM orders WHERE client_order_id = @ClientOrderId FOR UPDATE",
            new { state.ClientOrderId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"order {state.ClientOrderId} is not recorded; an order is written before it is sent.");
        var from = Status(stored.Status);
        if (!OrderLifecycle.Moves(state.ClientOrderId, from, stored.Filled, state.Status, state.FilledQuantity, stored.Quantity ?? state.Quantity))
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE orders SET status = @Status, filled_quantity = @FilledQuantity, quantity = coalesce(quantity, @Quantity),
                fill_price = coalesce(@NetPrice, fill_price), fees = @Fees, broker_order_id = coalesce(@BrokerOrderId, broker_order_id),
                position_id = coalesce(position_id, @PositionId), error = coalesce(@Error, error), updated_at = @Now
            WHERE client_order_id = @ClientOrderId
            """,
            new
            {
                Status = state.Status.ToCode(), state.FilledQuantity, state.Quantity, state.NetPrice, state.Fees, state.BrokerOrderId,
                PositionId = positionId, Error = error ?? state.Reason, state.ClientOrderId, Now = now.ToUniversalTime(),
            },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await AuditLog.AppendAsync(transaction, new AuditEvent(now, actor, OrderEvents.For(state.Status), "order", state.ClientOrderId, requestId, positionId,
            new { from, status = state.Status, quantity = state.Quantity, filled = state.FilledQuantity, price = state.NetPrice, fees = state.Fees, reason = error ?? state.Reason })).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// The broker call gave no answer: the order is UNKNOWN (unless it is already final), for recovery to ask again.
    /// </summary>
    public static async Task<bool> MarkUnknownAsync(
        NpgsqlTransaction transaction, string clientOrderId, string actor, string? requestId, long? positionId, string error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stored = await transaction.Connection!.QuerySingleOrDefaultAsync<(string Status, int Filled, int? Quantity)?>(new CommandDefinition(
            "SELECT status, filled_quantity, quantity FROM orders WHERE client_order_id = @ClientOrderId FOR UPDATE",
            new { ClientOrderId = clientOrderId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (stored is not { } row || OrderLifecycle.IsFinal(Status(row.Status)))
        {
            return false;
        }

        var unknown = new OrderState(clientOrderId, OrderStatus.Unknown, row.Quantity ?? 1, row.Filled, null, 0m, ValueList<LegFill>.Empty, null, error, now);
        return await MoveAsync(transaction, unknown with { Fees = await FeesAsync(transaction, clientOrderId, cancellationToken).ConfigureAwait(false) },
            actor, requestId, positionId, error, now, cancellationToken).ConfigureAwait(false);
    }

    private static Task<decimal> FeesAsync(NpgsqlTransaction transaction, string clientOrderId, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteScalarAsync<decimal>(new CommandDefinition(
            "SELECT coalesce(fees, 0) FROM orders WHERE client_order_id = @ClientOrderId", new { ClientOrderId = clientOrderId }, transaction, cancellationToken: cancellationToken));

    // Rows written before the state machine may say FAILED: a final refusal.
    private static OrderStatus Status(string code) => code == "FAILED" ? OrderStatus.Rejected : DomainCodes.Parse<OrderStatus>(code);
}
