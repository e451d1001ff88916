using OptionsAutomation.Core.Instruments;

namespace OptionsAutomation.Core.Risk.Portfolio;

/// <summary>
/// One option leg as the risk model prices it: <see cref="Units"/> is the holder's signed share count
/// (ratio × contracts × multiplier, negative for a short leg), <see cref="Years"/> the time to 16:00 New York
/// on expiry (ACT/365) at the valuation instant, and <see cref="ImpliedVolatility"/> the leg's quoted (or
/// mid-implied) volatility, held fixed by every scenario that does not shock it.
/// </summary>
public sealed record RiskLeg(OptionRight Right, double Strike, double Years, double ImpliedVolatility, double Units);
