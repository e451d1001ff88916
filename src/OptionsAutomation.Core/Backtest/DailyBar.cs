namespace OptionsAutomation.Core.Backtest;

/// <summary>
/// One session of an underlying: raw traded prices (compare strikes with <see cref="Close"/>) and the dividend-adjusted
/// close, whose ratio to <see cref="Close"/> moves on ex-dividend days.
/// </summary>
public sealed record DailyBar(DateOnly Date, decimal Open, decimal High, decimal Low, decimal Close, decimal AdjustedClose, long Volume);
