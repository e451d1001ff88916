namespace OptionsAutomation.Core.Positions;

/// <summary>
/// An immutable window [start, end) of an append-only buffer that several ledger versions share, so a ledger keeps its
/// lots (or a book its realizing fills) without copying them on every fill. A slot of the buffer is never written twice:
/// appending claims the slot after the window only when no other version has claimed it (an atomic compare-and-swap on
/// the buffer's length), else it copies the window into a buffer of its own. Appending to the newest version is therefore
/// O(1), and appending to an older one again costs one copy of its window. Dropping from the front moves the start;
/// a partly consumed first item is held beside the window (<see cref="_first"/>), never written into the shared slot.
/// Items before the start stay referenced until the next copy (a full buffer copies only the window, at twice its size).
/// </summary>
internal readonly struct SharedRun<T> : IEquatable<SharedRun<T>>
    where T : class
{
    private const int SmallestBuffer = 4;

    private readonly Buffer? _buffer;
    private readonly int _start;
    private readonly int _end;
    private readonly T? _first;

    private SharedRun(Buffer buffer, int start, int end, T? first)
    {
        _buffer = buffer;
        _start = start;
        _end = end;
        _first = first;
    }

    public int Count => _end - _start;

    public T this[int index] =>
        index == 0 && _first is not null ? _first : _buffer!.Items[_start + index];

    public SharedRun<T> Append(T item)
    {
        if (_buffer is { } buffer && _end < buffer.Items.Length
            && Interlocked.CompareExchange(ref buffer.Claimed, _end + 1, _end) == _end)
        {
            buffer.Items[_end] = item;
            return new SharedRun<T>(buffer, _start, _end + 1, _first);
        }

        var count = Count;
        var copy = new Buffer(new T[Math.Max(SmallestBuffer, 2 * (count + 1))], count + 1);
        for (var i = 0; i < count; i++)
        {
            copy.Items[i] = this[i];
        }

        copy.Items[count] = item;
        return new SharedRun<T>(copy, 0, count + 1, null);
    }

    /// <summary>Without its first <paramref name="count"/> items.</summary>
    public SharedRun<T> DropFirst(int count) =>
        count == 0 ? this : Count == count ? default : new SharedRun<T>(_buffer!, _start + count, _end, null);

    /// <summary>With <paramref name="item"/> in place of the first item.</summary>
    public SharedRun<T> WithFirst(T item) => new(_buffer!, _start, _end, item);

    public T[] ToArray()
    {
        var items = new T[Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = this[i];
        }

        return items;
    }

    public bool Equals(SharedRun<T> other)
    {
        if (Count != other.Count)
        {
            return false;
        }

        for (var i = 0; i < Count; i++)
        {
            if (!EqualityComparer<T>.Default.Equals(this[i], other[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is SharedRun<T> other && Equals(other);

    public override int GetHashCode() => Count == 0 ? 0 : HashCode.Combine(Count, this[0]);

    private sealed class Buffer(T[] items, int claimed)
    {
        public readonly T[] Items = items;

        /// <summary>How many slots versions have claimed; only ever grows.</summary>
        public int Claimed = claimed;
    }
}
