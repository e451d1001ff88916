using OptionsAutomation.Core.Analytics;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Trading;

namespace OptionsAutomation.Core.Publishing;

/// <summary>
/// One closed trade as it may be shown in public: when, what and the result. <see cref="Quantity"/> (contracts) is
/// null unless sizes are to be shown (<c>Publishing:ShowSizes</c>): a reader sees how trades went, not how big they were.
/// </summary>
public sealed record PublishedTrade(DateOnly Closed, string Ticker, string Strategy, string ExitReason, decimal Pnl, decimal PnlPercent, int? Quantity);

/// <summary>
/// What is published about performance up to <see cref="AsOf"/>: the day's scorecard, the statistics of every trade
/// closed to date, the daily equity curve from the first trade, and the trades themselves (<see cref="PublishedTrade"/>).
/// </summary>
public sealed record PerformancePublication(
    DateOnly AsOf, DailyScorecard Scorecard, TradeStatistics Statistics, DailyEquityCurve Equity, IReadOnlyList<PublishedTrade> Trades, bool ShowsSizes)
{
    /// <param name="tradesToDate">every trade closed up to the scorecard's day, oldest first.</param>
    public static PerformancePublication Of(DailyScorecard scorecard, IReadOnlyList<TradeRecord> tradesToDate, DailyEquityCurve equity, bool showSizes) => new(
        scorecard.Date,
        scorecard,
        scorecard.ToDate,
        equity,
        [.. tradesToDate.Select(t => new PublishedTrade(
            Calendar.MarketTime.DateOf(t.ClosedAt), t.Ticker, t.StrategyType.ToCode(), t.ExitReason.ToCode(), t.PnlRealized, t.PnlPercent,
            showSizes ? t.Quantity : null))],
        showSizes);
}
