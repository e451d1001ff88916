using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Trading;

namespace OptionsAutomation.Infrastructure.InMemory;

/// <summary>A close's lock and order check in the in-memory book: no other process can close, so the lock is always granted.</summary>
internal sealed class InMemoryCloseLedger(BookState state) : ICloseLedger
{
    public Task<IAsyncDisposable?> TryLockCloseAsync(long positionId, CancellationToken cancellationToken) => Task.FromResult<IAsyncDisposable?>(SingleProcessLock.Held);

    public Task<bool> IsOrderWorkingAsync(string clientOrderId, CancellationToken cancellationToken) =>
        Task.FromResult(state.Order(clientOrderId) is { } order && OrderLifecycle.IsWorking(order.Row.State));
}
