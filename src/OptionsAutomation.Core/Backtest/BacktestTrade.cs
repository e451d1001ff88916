using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;

namespace OptionsAutomation.Core.Backtest;

/// <summary>
/// One round trip of a backtest, from the trade history the book wrote (one row per closing order or settlement) and the
/// position: its expiration and strikes (none for assigned shares), the credit and the exit price per share, P&amp;L after fees.
/// </summary>
public sealed record BacktestTrade(
    long PositionId,
    string RequestId,
    string Ticker,
    StrategyType Strategy,
    DateOnly EntryDate,
    DateOnly ExitDate,
    DateOnly? Expiration,
    decimal? ShortStrike,
    decimal? LongStrike,
    int Quantity,
    decimal Credit,
    decimal ExitPrice,
    ExitReason Reason,
    decimal Fees,
    decimal Pnl,
    int DaysHeld);
