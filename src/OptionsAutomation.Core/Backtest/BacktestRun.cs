namespace OptionsAutomation.Core.Backtest;

/// <summary>What one backtest replays: the sessions from <see cref="From"/> to <see cref="To"/> of one underlying, from a starting equity.</summary>
public sealed record BacktestRun(DateOnly From, DateOnly To, string Underlying, decimal StartingEquity, BacktestSettings Settings);
