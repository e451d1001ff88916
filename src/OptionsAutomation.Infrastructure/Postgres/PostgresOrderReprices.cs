using Dapper;
using Npgsql;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Infrastructure.Audit;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>
/// A price walk's accepted steps: in one transaction the order row's <c>limit_price</c> becomes the new limit (so it is
/// always the last replace the broker took) and an <c>order.repriced</c> audit event keeps the step, old and new limit and
/// the cap.
/// </summary>
public sealed class PostgresOrderReprices(NpgsqlDataSource dataSource) : IOrderReprices
{
    public const string EventType = "order.repriced";

    public async Task RecordAsync(OrderReprice reprice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reprice);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var order = await connection.QuerySingleOrDefaultAsync<RepricedOrder>(new CommandDefinition(
            """
            UPDATE orders SET limit_price = @To, updated_at = @At WHERE client_order_id = @ClientOrderId
            RETURNING request_id, position_id
            """,
            new { reprice.To, At = reprice.At.ToUniversalTime(), reprice.ClientOrderId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"order {reprice.ClientOrderId} is not recorded; an order is written before it is sent.");
        await AuditLog.AppendAsync(transaction, new AuditEvent(reprice.At, reprice.Actor, EventType, "order", reprice.ClientOrderId, order.RequestId, order.PositionId,
            new { step = reprice.Step, from = reprice.From, to = reprice.To, cap = reprice.Cap })).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed record RepricedOrder(string? RequestId, long? PositionId);
}
