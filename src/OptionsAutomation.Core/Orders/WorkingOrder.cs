namespace OptionsAutomation.Core.Orders;

/// <summary>
/// A recorded order that is not final: the broker may still trade it, or we never learned what it did. Recovery asks
/// the broker about each one by <see cref="ClientOrderId"/>.
/// </summary>
/// <param name="Quantity">The units the order was recorded for (a closing order may close part of a position); null on rows
/// recorded before the column was filled.</param>
public sealed record WorkingOrder(
    string ClientOrderId,
    OrderIntent Intent,
    OrderStatus Status,
    long? PositionId,
    string? RequestId,
    string? Reason,
    DateTimeOffset CreatedAt,
    int? Quantity = null);
