using OptionsAutomation.Core.Instruments;

namespace OptionsAutomation.Core.Risk.Portfolio;

/// <summary>
/// One option leg of a <see cref="PositionRisk"/> as the model priced it: its implied volatility (a fraction, 0.18 =
/// 18%) and its share of the position's vega in dollars per volatility point, signed from the holder's side. Stored
/// with every snapshot so the vega P&amp;L between two snapshots can use each leg's own volatility change.
/// </summary>
public sealed record LegRisk(OptionRight Right, decimal Strike, double ImpliedVolatility, decimal VegaDollars);
