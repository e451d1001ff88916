using OptionsAutomation.Core.Orders;

namespace OptionsAutomation.Infrastructure.InMemory;

/// <summary>
/// One <c>orders</c> row of the in-memory book, kept as the record people read (<see cref="OrderRecord"/>, its history the
/// states it went through and its price walk, its fills left empty: they are rows of their own). <see cref="Sequence"/>
/// is the row's id, in the order rows were made.
/// </summary>
internal sealed record BookOrder(long Sequence, OrderRecord Row)
{
    public WorkingOrder ToWorking() => new(Row.ClientOrderId, Row.Intent, Row.State, Row.PositionId, Row.RequestId, Row.Reason, Row.CreatedAt, Row.Quantity);
}
