using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Trading;

/// <summary>Where expirations are booked: one transaction per settled position.</summary>
public interface ISettlementLedger
{
    /// <summary>
    /// Settles an expired position in one transaction: records the settlement as a FILLED SETTLE order with its fills at
    /// intrinsic value (<paramref name="settlement"/>), closes the position via <paramref name="close"/>, opens the
    /// assigned shares when there are any, audits them and queues the expiration alert.
    /// </summary>
    /// <returns>The closed position and the id of the shares position, if one was opened.</returns>
    Task<(ClosedPosition Closed, long? SharesPositionId)> SettleExpirationAsync(
        long positionId, Func<Position, ClosedPosition> close, OrderState settlement, AssignedShares? shares, DateTimeOffset now, CancellationToken cancellationToken);
}
