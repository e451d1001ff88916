using System.Globalization;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Analytics;

/// <summary>Closed trades of one group and their realized P&amp;L after fees.</summary>
public sealed record AttributionRow(string Key, int Trades, int Wins, int Losses, decimal Pnl);

/// <summary>
/// Realized P&amp;L of closed trades split four ways: by ticker, by strategy code, by exit reason code and by the
/// New York month the trade closed in (<c>2026-02</c>, the month of daily P&amp;L). Each split adds up to the total;
/// rows are in key order.
/// </summary>
public sealed record PnlAttribution(
    IReadOnlyList<AttributionRow> ByTicker,
    IReadOnlyList<AttributionRow> ByStrategy,
    IReadOnlyList<AttributionRow> ByExitReason,
    IReadOnlyList<AttributionRow> ByMonth)
{
    public static PnlAttribution Of(IReadOnlyList<TradeRecord> trades) => new(
        By(trades, t => t.Ticker),
        By(trades, t => t.StrategyType.ToCode()),
        By(trades, t => t.ExitReason.ToCode()),
        By(trades, t => MarketTime.DateOf(t.ClosedAt).ToString("yyyy-MM", CultureInfo.InvariantCulture)));

    private static AttributionRow[] By(IReadOnlyList<TradeRecord> trades, Func<TradeRecord, string> key) =>
    [
        .. trades
            .GroupBy(key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new AttributionRow(
                g.Key,
                g.Count(),
                g.Count(t => t.WinLoss == TradeOutcome.Win),
                g.Count(t => t.WinLoss == TradeOutcome.Loss),
                g.Sum(t => t.PnlRealized))),
    ];
}
