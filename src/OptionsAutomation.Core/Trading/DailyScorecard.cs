using System.Globalization;
using System.Text;
using OptionsAutomation.Core.Analytics;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Trading;

/// <summary>
/// The day in one message, after the close: the trades closed that New York day and their realized P&amp;L, the
/// risk still open (max loss, collateral, unrealized P&amp;L at the last marks), the win rate over the trades closed up
/// to that day, and the daily equity curve of the last sessions (the card's sparkline).
/// </summary>
public sealed record DailyScorecard(
    DateOnly Date, IReadOnlyList<TradeRecord> ClosedToday, IReadOnlyList<Position> Open, TradeStatistics ToDate, IReadOnlyList<EquityPoint> Equity)
{
    /// <summary>Sessions the equity sparkline covers, ending on the scorecard's day.</summary>
    public const int SparklineSessions = 30;

    public decimal RealizedPnl => ClosedToday.Sum(t => t.PnlRealized);

    public decimal OpenMaxLoss => Open.Sum(p => p.MaxLoss);

    public decimal OpenCollateral => Open.Sum(p => p.Collateral);

    /// <summary>Sum over the positions that have a mark; those without one are counted in <see cref="Unmarked"/>.</summary>
    public decimal UnrealizedPnl => Open.Sum(p => p.UnrealizedPnl ?? 0m);

    public int Unmarked => Open.Count(p => p.UnrealizedPnl is null);

    /// <summary>
    /// The scorecard of <paramref name="date"/> from every trade closed up to it (later ones must not be passed: the
    /// win rate is "to date"), the positions open at its close and its equity curve.
    /// </summary>
    public static DailyScorecard Of(DateOnly date, IReadOnlyList<TradeRecord> tradesToDate, IReadOnlyList<Position> open, DailyEquityCurve equity) => new(
        date,
        [.. tradesToDate.Where(t => MarketTime.DateOf(t.ClosedAt) == date)],
        open,
        TradeStatistics.Of(tradesToDate),
        equity.Days);

    /// <summary>
    /// The positions that were open at <paramref name="close"/> of a past day, from every position ever opened: entered
    /// by then and not closed by then. No marks are stored per day, so their unrealized P&amp;L is unknown (unmarked),
    /// not today's mark passed off as that day's; max loss and collateral are the positions' current ones.
    /// </summary>
    public static IReadOnlyList<Position> OpenAt(IEnumerable<Position> positions, DateTimeOffset close) =>
        [.. positions
            .Where(p => p.WasOpenAt(close))
            .Select(p => p with { UnrealizedPnl = null })];

    /// <summary>One scorecard per day: the dedup key is the date, so a second run of the job sends nothing new.</summary>
    public Alert ToAlert()
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Scorecard {Date:yyyy-MM-dd}: {ClosedToday.Count} trade(s) closed, realized {MoneyText.Signed(RealizedPnl)}\n");
        foreach (var trade in ClosedToday)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"  #{trade.PositionId} {trade.Ticker} {trade.StrategyType.ToCode()} {trade.ExitReason.ToCode()} {MoneyText.Signed(trade.PnlRealized)}\n");
        }

        text.Append(CultureInfo.InvariantCulture,
            $"Open: {Open.Count} position(s), max loss {MoneyText.Dollars(OpenMaxLoss)}, collateral {MoneyText.Dollars(OpenCollateral)}, unrealized {MoneyText.Signed(UnrealizedPnl)}");
        if (Unmarked > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" ({Unmarked} unmarked)");
        }

        text.Append(ToDate.WinRate is not { } winRate
            ? "\nWin rate to date: no closed trades yet"
            : string.Create(CultureInfo.InvariantCulture, $"\nWin rate to date: {winRate:0.##}% of {ToDate.Trades} trade(s), total {MoneyText.Signed(ToDate.TotalPnl)}"));
        return new Alert($"scorecard:{Date:yyyy-MM-dd}", "scorecard", text.ToString(), null, null);
    }
}
