using OptionsAutomation.Core;
using OptionsAutomation.Core.Orders;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>
/// Audit event types of an order's life. <c>order.submitted</c> is written when the order is recorded, before
/// the broker call, so the broker's acknowledgement of a working order is <c>order.accepted</c>; the others
/// are the status codes (<c>order.partially_filled</c>, <c>order.filled</c>, <c>order.cancelled</c>, <c>order.rejected</c>).
/// </summary>
internal static class OrderEvents
{
    /// <summary>The order was recorded PENDING, before the broker call.</summary>
    public const string Recorded = "order.submitted";

    /// <summary>A price walk re-priced the working order.</summary>
    public const string Repriced = "order.repriced";

    private const string Accepted = "order.accepted";
    private const string Prefix = "order.";

    public static string For(OrderStatus status) => status switch
    {
        OrderStatus.Pending => Recorded,
        OrderStatus.Submitted => Accepted,
        _ => Prefix + status.ToCode().ToLowerInvariant(),
    };

    /// <summary>The state an order event names (the inverse of <see cref="For"/>); a legacy <c>order.failed</c> reads REJECTED; null for none.</summary>
    public static OrderStatus? StatusOf(string eventType) => eventType switch
    {
        Recorded => OrderStatus.Pending,
        Accepted => OrderStatus.Submitted,
        "order.failed" => OrderStatus.Rejected,
        _ when eventType.StartsWith(Prefix, StringComparison.Ordinal)
            && DomainCodes.TryParse<OrderStatus>(eventType[Prefix.Length..], out var status) => status,
        _ => null,
    };
}
