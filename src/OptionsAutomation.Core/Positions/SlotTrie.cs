namespace OptionsAutomation.Core.Positions;

/// <summary>
/// An immutable array indexed by slot (<see cref="SymbolSlots"/>): a trie of 16-wide nodes, where setting a slot copies
/// the nodes on its path (two for up to 256 slots, five for a million) and shares the rest with the version before.
/// </summary>
/// <remarks>
/// Written here rather than taken from System.Collections.Immutable because its dictionaries are binary trees: keyed by
/// symbol, a fill compared about seven 21-character symbols twice and copied seven nodes of a sorted tree.
/// </remarks>
internal sealed class SlotTrie<T>
    where T : class
{
    private const int Bits = 4;
    private const int Width = 1 << Bits;
    private const int Mask = Width - 1;

    private readonly object?[] _root;

    /// <summary>Bits of the slot the root's index takes: 0 for a single leaf, <see cref="Bits"/> per level below it.</summary>
    private readonly int _shift;

    private SlotTrie(object?[] root, int shift)
    {
        _root = root;
        _shift = shift;
    }

    public static SlotTrie<T> Empty { get; } = new(new object?[Width], 0);

    public T? this[int slot]
    {
        get
        {
            if (slot >> _shift >= Width)
            {
                return null;
            }

            var node = _root;
            for (var shift = _shift; shift > 0; shift -= Bits)
            {
                if (node[(slot >> shift) & Mask] is not object?[] child)
                {
                    return null;
                }

                node = child;
            }

            return (T?)node[slot & Mask];
        }
    }

    /// <summary>Every item set, in slot order.</summary>
    public IEnumerable<T> Items => ItemsOf(_root, _shift);

    public SlotTrie<T> SetItem(int slot, T item)
    {
        var (root, shift) = (_root, _shift);
        while (slot >> shift >= Width)
        {
            var grown = new object?[Width];
            grown[0] = root;
            (root, shift) = (grown, shift + Bits);
        }

        return new SlotTrie<T>(SetIn(root, shift, slot, item), shift);
    }

    private static object?[] SetIn(object?[]? node, int shift, int slot, T item)
    {
        var copy = node is null ? new object?[Width] : (object?[])node.Clone();
        var index = (slot >> shift) & Mask;
        copy[index] = shift == 0 ? item : SetIn(copy[index] as object?[], shift - Bits, slot, item);
        return copy;
    }

    private static IEnumerable<T> ItemsOf(object?[] node, int shift)
    {
        foreach (var child in node)
        {
            if (child is null)
            {
                continue;
            }

            if (shift == 0)
            {
                yield return (T)child;
            }
            else
            {
                foreach (var item in ItemsOf((object?[])child, shift - Bits))
                {
                    yield return item;
                }
            }
        }
    }
}
