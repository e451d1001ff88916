namespace OptionsAutomation.Core.MarketData;

/// <summary>
/// Values ordered by time, answering the port's question "the last one at or before this instant" with a
/// binary search. Immutable once built; timestamps compare as instants (UTC ticks), so offsets do not matter.
/// </summary>
public sealed class AsOfSeries<T>
    where T : class
{
    private readonly long[] _utcTicks;
    private readonly T[] _values;

    private AsOfSeries(long[] utcTicks, T[] values)
    {
        _utcTicks = utcTicks;
        _values = values;
    }

    public int Count => _values.Length;

    /// <summary>The values oldest first.</summary>
    public IReadOnlyList<T> Values => _values;

    /// <summary>
    /// Builds the series in time order. Two values at one instant would make "the last quote" ambiguous, so
    /// they are refused: the caller decides which one is real before building.
    /// </summary>
    public static AsOfSeries<T> From(IEnumerable<T> values, Func<T, DateTimeOffset> timestampOf)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(timestampOf);
        var sorted = values.Select(v => (Ticks: timestampOf(v).UtcTicks, Value: v)).OrderBy(p => p.Ticks).ToArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].Ticks == sorted[i - 1].Ticks)
            {
                throw new ArgumentException(
                    $"two values at {new DateTimeOffset(sorted[i].Ticks, TimeSpan.Zero):O}; an as-of series holds one value per instant.",
                    nameof(values));
            }
        }

        return new AsOfSeries<T>([.. sorted.Select(p => p.Ticks)], [.. sorted.Select(p => p.Value)]);
    }

    /// <summary>The last value stamped at or before <paramref name="asOf"/>; null before the first one.</summary>
    public T? At(DateTimeOffset asOf)
    {
        var index = Array.BinarySearch(_utcTicks, asOf.UtcTicks);

        // Not found: the complement is the index of the first later value, so the one before it is the answer.
        var last = index >= 0 ? index : ~index - 1;
        return last >= 0 ? _values[last] : null;
    }
}
