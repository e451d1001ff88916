using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Analytics;

/// <summary>
/// Closed trades compared side by side (issue 16): by strategy (CSP, VPC), ticker, exit reason, days to expiry at entry
/// (in the buckets of <see cref="DteBucket"/>), sizing strategy and journal sentiment ("how did my worried trades
/// do?"), each group with the figures of
/// <see cref="ComparisonRow"/>. Every split covers every trade once, so each adds up to the total; rows are in key order
/// (the DTE buckets in DTE order).
/// </summary>
public sealed record StrategyComparison(
    ComparisonRow Total,
    IReadOnlyList<ComparisonRow> ByStrategy,
    IReadOnlyList<ComparisonRow> ByTicker,
    IReadOnlyList<ComparisonRow> ByExitReason,
    IReadOnlyList<ComparisonRow> ByDteAtEntry,
    IReadOnlyList<ComparisonRow> BySizing,
    IReadOnlyList<ComparisonRow> BySentiment)
{
    /// <summary>The key of trades whose grouping value is unknown (no expiration, no recorded sizing).</summary>
    public const string Unknown = "unknown";

    /// <summary>The sentiment key of trades no journal note tagged.</summary>
    public const string NoSentiment = "none";

    /// <summary>Upper bounds of the DTE buckets; the last bucket is open-ended.</summary>
    private static readonly int[] DteBounds = [21, 30, 45, 60];

    /// <summary>The buckets' keys in DTE order, indexed like <see cref="DteBucketIndex"/>.</summary>
    private static readonly string[] DteBucketKeys =
        [.. DteBounds.Select((bound, i) => $"{(i == 0 ? 0 : DteBounds[i - 1] + 1)}-{bound}"), $"{DteBounds[^1] + 1}+", Unknown];

    public static StrategyComparison Of(IReadOnlyList<ComparedTrade> trades)
    {
        var inCloseOrder = trades.OrderBy(t => t.Trade.ClosedAt).ThenBy(t => t.Trade.TradeId).ToArray();
        return new StrategyComparison(
            Row("total", inCloseOrder),
            By(inCloseOrder, t => t.Trade.StrategyType.ToCode()),
            By(inCloseOrder, t => t.Trade.Ticker),
            By(inCloseOrder, t => t.Trade.ExitReason.ToCode()),
            [.. inCloseOrder.GroupBy(DteBucketIndex).OrderBy(g => g.Key).Select(g => Row(DteBucketKeys[g.Key], [.. g]))],
            By(inCloseOrder, t => t.SizingStrategy ?? Unknown),
            By(inCloseOrder, t => t.Sentiment ?? NoSentiment));
    }

    /// <summary>"0-21", "22-30", "31-45", "46-60", "61+" calendar days from the New York entry date to expiration.</summary>
    public static string DteBucket(ComparedTrade trade) => DteBucketKeys[DteBucketIndex(trade)];

    /// <summary>The bucket's place in DTE order; a trade without an expiration goes last.</summary>
    private static int DteBucketIndex(ComparedTrade trade)
    {
        if (trade.Expiration is not { } expiration)
        {
            return DteBucketKeys.Length - 1;
        }

        var dte = expiration.DayNumber - MarketTime.DateOf(trade.Trade.EntryDate).DayNumber;
        var index = Array.FindIndex(DteBounds, bound => dte <= bound);
        return index < 0 ? DteBounds.Length : index;
    }

    private static ComparisonRow[] By(ComparedTrade[] trades, Func<ComparedTrade, string> key) =>
        [.. trades.GroupBy(key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Row(g.Key, [.. g]))];

    /// <param name="trades">in close order.</param>
    private static ComparisonRow Row(string key, ComparedTrade[] trades)
    {
        var (pnl, risk, days, peak, cumulative, drawdown) = (0m, 0m, 0, 0m, 0m, 0m);
        foreach (var t in trades)
        {
            pnl += t.Trade.PnlRealized;
            risk += t.Trade.MaxRisk;
            days += Math.Max(1, MarketTime.DateOf(t.Trade.ClosedAt).DayNumber - MarketTime.DateOf(t.Trade.EntryDate).DayNumber);
            cumulative += t.Trade.PnlRealized;
            peak = Math.Max(peak, cumulative);
            drawdown = Math.Min(drawdown, cumulative - peak);
        }

        var count = trades.Length;
        return new ComparisonRow(
            key,
            count,
            count == 0 ? 0m : 100m * trades.Count(t => t.Trade.WinLoss == TradeOutcome.Win) / count,
            pnl,
            count == 0 ? 0m : pnl / count,
            days == 0 ? 0m : pnl / days,
            risk > 0 ? pnl / risk : null,
            drawdown);
    }
}
