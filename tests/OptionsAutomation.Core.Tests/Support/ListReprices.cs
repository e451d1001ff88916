using OptionsAutomation.Core.Orders;

namespace OptionsAutomation.Core.Tests.Support;

/// <summary>Keeps every recorded re-price in memory, in order.</summary>
internal sealed class ListReprices : IOrderReprices
{
    public List<OrderReprice> Recorded { get; } = [];

    public Task RecordAsync(OrderReprice reprice, CancellationToken cancellationToken)
    {
        Recorded.Add(reprice);
        return Task.CompletedTask;
    }
}
