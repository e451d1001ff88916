using System.Globalization;
using OptionsAutomation.Core.Instruments;

namespace OptionsAutomation.Core.Proposals.Sizing;

/// <summary>
/// A backtest's closed trades (<c>Sizing:KellyBacktestRecord</c>, a file <c>optauto backtest --trades</c> wrote), which
/// <c>kelly</c> reads instead of <c>trade_history</c> while the live record of a strategy is shorter than
/// <c>KellyMinTrades</c>. Only trades that closed before the day of the proposal count, so a record is never read
/// ahead of the date it sizes for (a record replayed inside an older backtest sees only its own past).
/// </summary>
/// <param name="Source">Where the record came from, as the sizing explanation states it (the file and its row count).</param>
public sealed record KellyBacktestRecord(string Source, ValueList<KellyBacktestRecord.Trade> Trades)
{
    /// <summary>One round trip: its strategy type, the day it closed, its P&amp;L after fees and what it committed (a CSP's collateral, a VPC's max loss).</summary>
    public sealed record Trade(StrategyType Strategy, DateOnly ExitDate, decimal Pnl, decimal AtRisk);

    /// <summary>The record of <paramref name="strategy"/> from the trades closed before <paramref name="today"/>.</summary>
    public KellyEstimate Before(DateOnly today, StrategyType strategy) =>
        KellyEstimate.FromResults(Trades.Where(t => t.Strategy == strategy && t.ExitDate < today).Select(t => (t.Pnl, t.AtRisk)));

    /// <summary>The explanation's line for an estimate taken from this record.</summary>
    public string Describe(KellyEstimate used, DateOnly today) =>
        string.Create(CultureInfo.InvariantCulture, $"backtest record {Source}: {used.Trades} trade(s) of this strategy closed before {today:yyyy-MM-dd}");
}
