using OptionsAutomation.Core.Orders;

namespace OptionsAutomation.Infrastructure.InMemory;

/// <summary>One <c>fills</c> row of the in-memory book: the broker's leg fill, the order and position it was booked to.</summary>
internal sealed record BookFill(long Sequence, long? PositionId, string? RequestId, OrderFillRecord Fill);
