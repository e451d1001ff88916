using OptionsAutomation.Core;
using OptionsAutomation.Core.Orders;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>One <c>orders</c> row as Dapper reads it.</summary>
internal sealed class OrderRecordRow
{
    /// <summary>The statuses of an order that is not final, as SQL literals (matches <see cref="OrderLifecycle.IsWorking"/>).</summary>
    public const string WorkingStatuses = "'PENDING', 'SUBMITTED', 'PARTIALLY_FILLED', 'UNKNOWN'";

    public const string Columns = "client_order_id, intent, status, position_id, request_id, reason, created_at";

    public string ClientOrderId { get; set; } = "";
    public string Intent { get; set; } = "";
    public string Status { get; set; } = "";
    public long? PositionId { get; set; }
    public string? RequestId { get; set; }
    public string? Reason { get; set; }
    public DateTime CreatedAt { get; set; }

    public WorkingOrder ToWorking() => new(
        ClientOrderId, DomainCodes.Parse<OrderIntent>(Intent), DomainCodes.Parse<OrderStatus>(Status), PositionId, RequestId, Reason, RowTime.Utc(CreatedAt));
}
