using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Risk;

/// <summary>
/// The exposure of an open position, measured as <see cref="OpeningOrder.Notional"/> measures an order, so
/// "total exposure after the order" adds like to like: a CSP's collateral, a VPC's max loss, and for
/// assigned shares their stored max loss (the cost of the shares).
/// </summary>
public static class RiskExposure
{
    public static decimal Of(Position position)
    {
        ArgumentNullException.ThrowIfNull(position);
        return Of(position.StrategyType, position.Collateral, position.MaxLoss);
    }

    /// <summary>What a trade puts at risk: a CSP its collateral, a spread its max loss.</summary>
    public static decimal Of(StrategyType strategy, decimal collateral, decimal maxLoss) =>
        strategy == StrategyType.CashSecuredPut ? collateral : maxLoss;

    /// <summary>The sum over the positions still OPEN (the caller's figure for <see cref="RiskSnapshot.OpenExposure"/>).</summary>
    public static decimal Total(IEnumerable<Position> positions) =>
        positions.Where(p => p.Status == PositionStatus.Open).Sum(Of);
}
