namespace OptionsAutomation.Core.Backtest;

/// <summary>An index's close on a date, in index points (VIX 20 = a 20% annualised 30-day implied volatility).</summary>
public sealed record IndexClose(DateOnly Date, decimal Close);
