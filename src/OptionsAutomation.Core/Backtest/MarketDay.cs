namespace OptionsAutomation.Core.Backtest;

/// <summary>
/// What the synthetic chain is built from on one session: the underlying's close, the VIX close (the at-the-money
/// 30-day implied-volatility proxy) and the continuously compounded risk-free rate (<see cref="TreasuryBillRate.ContinuousRate"/>).
/// </summary>
public sealed record MarketDay(DateOnly Date, decimal Close, decimal Vix, double Rate);
