using System.Globalization;
using System.Text;
using OptionsAutomation.Core.Analytics;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Trading;

/// <summary>
/// The day in one message, after the close: the trades closed that New York day and their realized P&amp;L, the
/// risk still open (max loss, collateral, unrealized P&amp;L at the last marks) and the win rate to date.
/// </summary>
public sealed record DailyScorecard(DateOnly Date, IReadOnlyList<TradeRecord> ClosedToday, IReadOnlyList<Position> Open, PerformanceMetrics ToDate)
{
    public decimal RealizedPnl => ClosedToday.Sum(t => t.PnlRealized);

    public decimal OpenMaxLoss => Open.Sum(p => p.MaxLoss);

    public decimal OpenCollateral => Open.Sum(p => p.Collateral);

    /// <summary>Sum over the positions that have a mark; those without one are counted in <see cref="Unmarked"/>.</summary>
    public decimal UnrealizedPnl => Open.Sum(p => p.UnrealizedPnl ?? 0m);

    public int Unmarked => Open.Count(p => p.UnrealizedPnl is null);

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

        text.Append(ToDate.TotalTrades == 0
            ? "\nWin rate to date: no closed trades yet"
            : string.Create(CultureInfo.InvariantCulture, $"\nWin rate to date: {ToDate.WinRate:0.##}% of {ToDate.TotalTrades} trade(s), total {MoneyText.Signed(ToDate.TotalPnl)}"));
        return new Alert($"scorecard:{Date:yyyy-MM-dd}", "scorecard", text.ToString(), null, null);
    }
}
