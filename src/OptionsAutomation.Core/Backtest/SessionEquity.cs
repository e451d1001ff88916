namespace OptionsAutomation.Core.Backtest;

/// <summary>
/// A backtest's equity at one session's close: cash (starting equity, realized P&amp;L, interest) plus open positions at
/// their last mark. <see cref="Interest"/> is what cash earned that session.
/// </summary>
public sealed record SessionEquity(DateOnly Date, decimal Equity, decimal Realized, decimal Unrealized, decimal Interest, bool RealChain);
