using OptionsAutomation.Core.Instruments;

namespace OptionsAutomation.Core.Risk.Portfolio;

/// <summary>
/// One option leg of a <see cref="PositionRisk"/> as the model priced it: its implied volatility (a fraction, 0.18 =
/// 18%) and its vega in dollars per volatility point, signed from the holder's side (an unrounded model double). Kept
/// with every snapshot so the vega P&amp;L between two snapshots uses each leg's own volatility change.
/// </summary>
public sealed record LegRisk(OptionRight Right, decimal Strike, double ImpliedVolatility, double Vega);
