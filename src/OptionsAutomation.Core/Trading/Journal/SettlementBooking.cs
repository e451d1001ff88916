using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Trading.Journal;

/// <summary>What an expiration means for the book: the events the expiration use case commits.</summary>
public static class SettlementBooking
{
    /// <summary>
    /// The position closes at intrinsic value, the breaker counts the round trip, the settlement is an order filled at
    /// once with its fills (a fill like any other), and the expiration or assignment alert names the shares position.
    /// </summary>
    public static IReadOnlyList<TradingEvent> Settled(
        ClosedPosition closed, OrderState settlement, AssignedShares? shares, long? sharesPositionId, string actor)
    {
        var position = closed.Position;
        return
        [
            new PositionClosed(closed, actor),
            new CloseCounted(closed.Trade.WinLoss, closed.Trade.ClosedAt),
            new SettlementRecorded(settlement, position.PositionId, position.RequestId, actor),
            new OrderMoved(settlement, position.RequestId, position.PositionId, null, actor),
            new FillsReceived(settlement, position.RequestId, position.PositionId),
            new AlertRaised(Alert.Expiration(closed, shares, sharesPositionId)),
        ];
    }
}
