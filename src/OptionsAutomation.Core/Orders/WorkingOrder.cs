namespace OptionsAutomation.Core.Orders;

/// <summary>
/// A recorded order that is not final: the broker may still trade it, or we never learned what it did. Recovery asks
/// the broker about each one by <see cref="ClientOrderId"/>.
/// </summary>
public sealed record WorkingOrder(
    string ClientOrderId,
    OrderIntent Intent,
    OrderStatus Status,
    long? PositionId,
    string? RequestId,
    string? Reason,
    DateTimeOffset CreatedAt);
