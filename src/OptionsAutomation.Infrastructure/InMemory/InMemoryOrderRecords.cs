using OptionsAutomation.Core.Orders;

namespace OptionsAutomation.Infrastructure.InMemory;

/// <summary>The orders of the in-memory book with their history, reprices and fills, read as <c>PostgresOrderRecords</c> reads them.</summary>
internal sealed class InMemoryOrderRecords(BookState state) : IOrderRecords
{
    /// <summary>Every order not in a final state, oldest first.</summary>
    public Task<IReadOnlyList<WorkingOrder>> ListWorkingAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<WorkingOrder>>(
            [.. state.Orders.Where(o => OrderLifecycle.IsWorking(o.Row.State)).OrderBy(o => o.Row.CreatedAt).ThenBy(o => o.Sequence).Select(o => o.ToWorking())]);

    public Task<IReadOnlyList<OrderRecord>> ListAsync(OrderFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        // A position's orders: its closing orders, and the opening order of the request it was opened from (recorded
        // before the position existed, so without a position id).
        var requestOfPosition = filter.PositionId is { } id ? state.Position(id)?.RequestId : null;
        var orders = state.Orders
            .Where(o => filter.PositionId is null || o.Row.PositionId == filter.PositionId
                || (o.Row.PositionId is null && o.Row.RequestId is not null && o.Row.RequestId == requestOfPosition))
            .Where(o => filter.RequestId is null || o.Row.RequestId == filter.RequestId)
            .Where(o => !filter.OpenOnly || OrderLifecycle.IsWorking(o.Row.State))
            .OrderByDescending(o => o.Row.CreatedAt).ThenByDescending(o => o.Sequence)
            .Take(OrderFilter.Limit)
            .ToList();
        var fills = state.Fills.Where(f => f.Fill.ClientOrderId is not null).ToLookup(f => f.Fill.ClientOrderId!, StringComparer.Ordinal);
        return Task.FromResult<IReadOnlyList<OrderRecord>>(
            [.. orders.Select(o => o.Row with { Fills = new(fills[o.Row.ClientOrderId].OrderBy(f => f.Fill.FilledAt).ThenBy(f => f.Sequence).Select(f => f.Fill)) })]);
    }

    public Task<IReadOnlyDictionary<long, IReadOnlyList<OrderFillRecord>>> FillsOfPositionsAsync(IReadOnlyCollection<long> positionIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(positionIds);
        var wanted = positionIds.ToHashSet();
        return Task.FromResult<IReadOnlyDictionary<long, IReadOnlyList<OrderFillRecord>>>(state.Fills
            .Where(f => f.PositionId is { } id && wanted.Contains(id))
            .OrderBy(f => f.Fill.FilledAt).ThenBy(f => f.Sequence)
            .GroupBy(f => f.PositionId!.Value)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<OrderFillRecord>)[.. g.Select(f => f.Fill)]));
    }
}
