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
    public static string For(OrderStatus status) =>
        status == OrderStatus.Submitted ? "order.accepted" : "order." + status.ToCode().ToLowerInvariant();
}
