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
    /// <summary>
    /// Records an order PENDING before it is sent, audited <c>order.submitted</c>; recording the same client order id again
    /// writes nothing (a resumed approval).
    /// </summary>
    public static async Task RecordAsync(
        NpgsqlTransaction transaction, string clientOrderId, OrderIntent intent, IEnumerable<OrderLeg> legs, int quantity, decimal? limitPrice,
        string? requestId, long? positionId, string? reason, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var inserted = await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO orders (client_order_id, position_id, request_id, intent, reason, status, legs, limit_price, quantity, created_at, updated_at)
            VALUES (@ClientOrderId, @PositionId, @RequestId, @Intent, @Reason, 'PENDING', CAST(@Legs AS jsonb), @LimitPrice, @Quantity, @Now, @Now)
            ON CONFLICT (client_order_id) DO NOTHING
            """,
            new
            {
                ClientOrderId = clientOrderId, PositionId = positionId, RequestId = requestId, Intent = intent.ToCode(), Reason = reason,
                Legs = OrderLegsJson.Serialize(legs), LimitPrice = limitPrice, Quantity = quantity, Now = now.ToUniversalTime(),
            },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (inserted == 1)
        {
            await AuditLog.AppendAsync(transaction, new AuditEvent(now, actor, OrderEvents.Recorded, "order", clientOrderId, requestId, positionId,
                new { intent, reason, quantity, limit = limitPrice })).ConfigureAwait(false);
        }
    }

    /// <summary>The position's closing or roll order still at work, if any (its row lock must already be held).</summary>
    public static Task<string?> WorkingCloseAsync(NpgsqlTransaction transaction, long positionId, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            $"SELECT client_order_id FROM orders WHERE position_id = @positionId AND intent IN ('CLOSE', 'ROLL') AND status IN ({OrderRecordRow.WorkingStatuses})",
            new { positionId }, transaction, cancellationToken: cancellationToken));

    /// <returns>True when the order moved (and was audited).</returns>
    public static async Task<bool> MoveAsync(
        NpgsqlTransaction transaction, OrderState state, string actor, string? requestId, long? positionId, string? error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stored = await LockAsync(transaction, state.ClientOrderId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"order {state.ClientOrderId} is not recorded; an order is written before it is sent.");
        return await MoveAsync(transaction, stored, state, actor, requestId, positionId, error, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The broker call gave no answer: the order is UNKNOWN (unless it is already final), for recovery to ask again.
    /// </summary>
    public static async Task<bool> MarkUnknownAsync(
        NpgsqlTransaction transaction, string clientOrderId, string actor, string? requestId, long? positionId, string error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await LockAsync(transaction, clientOrderId, cancellationToken).ConfigureAwait(false) is not { } stored || OrderLifecycle.IsFinal(Status(stored.Status)))
        {
            return false;
        }

        var unknown = new OrderState(clientOrderId, OrderStatus.Unknown, stored.Quantity ?? 1, stored.FilledQuantity, null, stored.Fees ?? 0m, ValueList<LegFill>.Empty, null, error, now);
        return await MoveAsync(transaction, stored, unknown, actor, requestId, positionId, error, now, cancellationToken).ConfigureAwait(false);
    }

    private static Task<StoredOrder?> LockAsync(NpgsqlTransaction transaction, string clientOrderId, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<StoredOrder?>(new CommandDefinition(
            "SELECT status, filled_quantity, quantity, fees FROM orders WHERE client_order_id = @clientOrderId FOR UPDATE",
            new { clientOrderId }, transaction, cancellationToken: cancellationToken));

    private static async Task<bool> MoveAsync(
        NpgsqlTransaction transaction, StoredOrder stored, OrderState state, string actor, string? requestId, long? positionId, string? error, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        var from = Status(stored.Status);
        if (!OrderLifecycle.Moves(state.ClientOrderId, from, stored.FilledQuantity, state.Status, state.FilledQuantity, stored.Quantity ?? state.Quantity))
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

    // Rows written before the state machine may say FAILED: a final refusal.
    private static OrderStatus Status(string code) => code == "FAILED" ? OrderStatus.Rejected : DomainCodes.Parse<OrderStatus>(code);

    private sealed record StoredOrder(string Status, int FilledQuantity, int? Quantity, decimal? Fees);

    /// <summary>
    /// A walk's accepted step: the order row's <c>limit_price</c> becomes the new limit (so it is always the last replace the
    /// broker took) and an <c>order.repriced</c> audit event keeps the step, old and new limit and the cap.
    /// </summary>
    public static async Task RepriceAsync(NpgsqlTransaction transaction, OrderReprice reprice, CancellationToken cancellationToken)
    {
        var order = await transaction.Connection!.QuerySingleOrDefaultAsync<RepricedOrder>(new CommandDefinition(
            """
            UPDATE orders SET limit_price = @To, updated_at = @At WHERE client_order_id = @ClientOrderId
            RETURNING request_id, position_id
            """,
            new { reprice.To, At = reprice.At.ToUniversalTime(), reprice.ClientOrderId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"order {reprice.ClientOrderId} is not recorded; an order is written before it is sent.");
        await AuditLog.AppendAsync(transaction, new AuditEvent(reprice.At, reprice.Actor, OrderEvents.Repriced, "order", reprice.ClientOrderId, order.RequestId, order.PositionId,
            new { step = reprice.Step, from = reprice.From, to = reprice.To, cap = reprice.Cap })).ConfigureAwait(false);
    }

    private sealed record RepricedOrder(string? RequestId, long? PositionId);
}
