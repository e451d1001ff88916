using System.Text.Json;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Infrastructure.Json;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>One <c>orders</c> row as Dapper reads it.</summary>
internal sealed class OrderRecordRow
{
    /// <summary>The statuses of an order that is not final, as SQL literals (matches <see cref="OrderLifecycle.IsWorking"/>).</summary>
    public static readonly string WorkingStatuses =
        string.Join(", ", Enum.GetValues<OrderStatus>().Where(OrderLifecycle.IsWorking).Select(s => $"'{s.ToCode()}'"));

    public const string Columns = "client_order_id, intent, status, position_id, request_id, reason, created_at, quantity";

    /// <summary>Every column <see cref="ToRecord"/> reads.</summary>
    public const string AllColumns = Columns + ", legs, filled_quantity, limit_price, fill_price, fees, broker_order_id, error, updated_at";

    public string ClientOrderId { get; set; } = "";
    public string Intent { get; set; } = "";
    public string Status { get; set; } = "";
    public long? PositionId { get; set; }
    public string? RequestId { get; set; }
    public string? Reason { get; set; }
    public DateTime CreatedAt { get; set; }
    public string Legs { get; set; } = "[]";
    public int? Quantity { get; set; }
    public int FilledQuantity { get; set; }
    public decimal? LimitPrice { get; set; }
    public decimal? FillPrice { get; set; }
    public decimal? Fees { get; set; }
    public string? BrokerOrderId { get; set; }
    public string? Error { get; set; }
    public DateTime UpdatedAt { get; set; }

    public WorkingOrder ToWorking() => new(
        ClientOrderId, DomainCodes.Parse<OrderIntent>(Intent), DomainCodes.Parse<OrderStatus>(Status), PositionId, RequestId, Reason, RowTime.Utc(CreatedAt), Quantity);

    public OrderRecord ToRecord(IEnumerable<OrderTransition> history, IEnumerable<OrderFillRecord> fills, IEnumerable<OrderReprice> reprices) => new(
        ClientOrderId,
        DomainCodes.Parse<OrderIntent>(Intent),
        StatusOf(Status),
        PositionId,
        RequestId,
        Reason,
        Quantity,
        FilledQuantity,
        LimitPrice,
        FillPrice,
        Fees,
        BrokerOrderId,
        Error,
        RowTime.Utc(CreatedAt),
        RowTime.Utc(UpdatedAt),
        new ValueList<OrderLegRecord>(JsonSerializer.Deserialize<OrderLegRecord[]>(Legs, DomainJson.Options) ?? []),
        new ValueList<OrderTransition>(history),
        new ValueList<OrderFillRecord>(fills),
        new ValueList<OrderReprice>(reprices));

    /// <summary>A stored status; rows written before the state machine may say FAILED, a final refusal.</summary>
    public static OrderStatus StatusOf(string code) => code == "FAILED" ? OrderStatus.Rejected : DomainCodes.Parse<OrderStatus>(code);
}
