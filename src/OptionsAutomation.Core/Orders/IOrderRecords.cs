namespace OptionsAutomation.Core.Orders;

/// <summary>Reading the recorded orders (<c>orders</c>) and their fills; writes go with the change they belong to.</summary>
public interface IOrderRecords
{
    /// <summary>Every order not in a final state, oldest first.</summary>
    Task<IReadOnlyList<WorkingOrder>> ListWorkingAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The orders the filter selects, newest first, at most <see cref="OrderFilter.Limit"/>, each with its legs, its
    /// history and its fills.
    /// </summary>
    Task<IReadOnlyList<OrderRecord>> ListAsync(OrderFilter filter, CancellationToken cancellationToken);

    /// <summary>
    /// Every fill booked to each of the positions (opening and closing), oldest first, in one read; a position without
    /// fills is absent from the answer.
    /// </summary>
    Task<IReadOnlyDictionary<long, IReadOnlyList<OrderFillRecord>>> FillsOfPositionsAsync(IReadOnlyCollection<long> positionIds, CancellationToken cancellationToken);
}

/// <summary>Reads of one position over <see cref="IOrderRecords"/>.</summary>
public static class OrderRecordsExtensions
{
    /// <summary>Every fill booked to the position (opening and closing), oldest first.</summary>
    public static async Task<IReadOnlyList<OrderFillRecord>> FillsOfPositionAsync(this IOrderRecords records, long positionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var fills = await records.FillsOfPositionsAsync([positionId], cancellationToken).ConfigureAwait(false);
        return fills.GetValueOrDefault(positionId) ?? [];
    }
}
