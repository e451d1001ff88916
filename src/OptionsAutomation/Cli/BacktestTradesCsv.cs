using System.Globalization;
using System.Text;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Backtest;

namespace OptionsAutomation.Cli;

/// <summary>
/// <c>optauto backtest --trades FILE.csv</c>: one row per round trip, invariant culture, written to a temporary file
/// beside the target and renamed over it, so an interrupted run never leaves a half-written file.
/// </summary>
internal static class BacktestTradesCsv
{
    private const string Header =
        "position_id,request_id,ticker,strategy,entry_date,exit_date,expiration,short_strike,long_strike,quantity,credit,exit_price,exit_reason,fees,pnl,days_held";

    public static void Write(string path, IReadOnlyList<BacktestTrade> trades)
    {
        var text = new StringBuilder().Append(Header).Append('\n');
        foreach (var t in trades)
        {
            text.Append(string.Create(CultureInfo.InvariantCulture,
                $"{t.PositionId},{t.RequestId},{t.Ticker},{t.Strategy.ToCode()},{t.EntryDate:yyyy-MM-dd},{t.ExitDate:yyyy-MM-dd},{t.Expiration:yyyy-MM-dd},{t.ShortStrike},{t.LongStrike},{t.Quantity},{t.Credit},{t.ExitPrice},{t.Reason.ToCode()},{t.Fees},{t.Pnl},{t.DaysHeld}"))
                .Append('\n');
        }

        AtomicFile.WriteText(path, text.ToString());
    }
}
