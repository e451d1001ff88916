using System.Text;

namespace OptionsAutomation.Core.Backtest;

/// <summary>
/// Whether a backtest approves a proposal when only a share of them are approved: a proposal is approved when a
/// number drawn from (seed, request id) in [0, 1) falls below the share. The draw is FNV-1a (64-bit) over the UTF-8 of
/// "seed:request id", mixed by MurmurHash3's finalizer — the same on every machine and run, unlike <see cref="string.GetHashCode()"/> — so one
/// proposal's fate does not depend on how many came before it.
/// </summary>
public static class ApprovalDraw
{
    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static bool Approves(decimal share, int seed, string requestId)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        if (share >= 1m)
        {
            return true;
        }

        return share > 0m && (decimal)Fraction(seed, requestId) < share;
    }

    /// <summary>The draw in [0, 1): the mixed hash's top 53 bits over 2^53.</summary>
    public static double Fraction(int seed, string requestId)
    {
        var hash = OffsetBasis;
        foreach (var b in Encoding.UTF8.GetBytes(FormattableString.Invariant($"{seed}:{requestId}")))
        {
            hash = unchecked((hash ^ b) * Prime); // FNV multiplies modulo 2^64
        }

        // FNV's high bits barely move between ids that differ in a digit; MurmurHash3's 64-bit finalizer spreads them.
        unchecked
        {
            hash ^= hash >> 33;
            hash *= 0xff51afd7ed558ccdUL;
            hash ^= hash >> 33;
            hash *= 0xc4ceb9fe1a85ec53UL;
            hash ^= hash >> 33;
        }

        return (hash >> 11) / (double)(1UL << 53);
    }
}
