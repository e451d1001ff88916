using System.Text;

namespace OptionsAutomation.Core.Backtest;

/// <summary>
/// Whether a backtest approves a proposal when only a share of them are approved: a proposal is approved when a
/// number drawn from (seed, request id) in [0, 1) falls below the share. The draw is FNV-1a (64-bit) over the UTF-8 of
/// "seed:request id" — the same on every machine and run, unlike <see cref="string.GetHashCode()"/> — so one
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

    /// <summary>The draw in [0, 1): the hash's top 53 bits over 2^53.</summary>
    public static double Fraction(int seed, string requestId)
    {
        var hash = OffsetBasis;
        foreach (var b in Encoding.UTF8.GetBytes(FormattableString.Invariant($"{seed}:{requestId}")))
        {
            hash = (hash ^ b) * Prime;
        }

        return (hash >> 11) / (double)(1UL << 53);
    }
}
