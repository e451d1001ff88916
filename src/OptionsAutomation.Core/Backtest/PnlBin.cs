namespace OptionsAutomation.Core.Backtest;

/// <summary>One bar of the trade P&amp;L histogram: the trades whose P&amp;L lies in [<see cref="From"/>, <see cref="To"/>).</summary>
public sealed record PnlBin(decimal From, decimal To, int Trades)
{
    /// <summary>About this many bars: enough to show the shape of a few hundred trades, few enough to read.</summary>
    private const int TargetBins = 20;

    /// <summary>
    /// Bins of a round width (1, 2 or 5 × a power of ten dollars) aligned on multiples of it, so a bin edge falls on 0 and
    /// gains and losses never share a bar. No trades, no bins.
    /// </summary>
    public static IReadOnlyList<PnlBin> Histogram(IReadOnlyList<decimal> pnl)
    {
        ArgumentNullException.ThrowIfNull(pnl);
        if (pnl.Count == 0)
        {
            return [];
        }

        var (low, high) = (pnl.Min(), pnl.Max());
        var width = RoundWidth((high - low) / TargetBins);
        var start = Math.Floor(low / width) * width;
        var count = (int)Math.Floor((high - start) / width) + 1;
        var counts = new int[count];
        foreach (var value in pnl)
        {
            counts[(int)Math.Floor((value - start) / width)]++;
        }

        return [.. counts.Select((n, i) => new PnlBin(start + (i * width), start + ((i + 1) * width), n))];
    }

    /// <summary>The smallest of 1, 2, 5 × 10^k dollars (k ≥ 0) at least <paramref name="raw"/>.</summary>
    private static decimal RoundWidth(decimal raw)
    {
        for (var power = 1m; ; power *= 10m)
        {
            foreach (var step in (ReadOnlySpan<decimal>)[1m, 2m, 5m])
            {
                if (step * power >= raw)
                {
                    return step * power;
                }
            }
        }
    }
}
