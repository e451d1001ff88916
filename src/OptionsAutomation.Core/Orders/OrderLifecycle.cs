namespace OptionsAutomation.Core.Orders;

/// <summary>
/// The order state machine: PENDING → SUBMITTED → PARTIALLY_FILLED → FILLED | CANCELLED | REJECTED, with UNKNOWN
/// reachable from every working state when a broker call gives no answer, and left again by whatever the broker
/// answers next. Final states never move; the filled quantity never shrinks and never exceeds the order. Staying
/// in a state with the same filled quantity is no transition (nothing to record).
/// </summary>
public static class OrderLifecycle
{
    public static bool IsFinal(OrderStatus status) => status is OrderStatus.Filled or OrderStatus.Cancelled or OrderStatus.Rejected;

    /// <summary>Working: not final, so the broker may still trade it and no second order for the same purpose may go out.</summary>
    public static bool IsWorking(OrderStatus status) => !IsFinal(status);

    /// <summary>
    /// Whether moving from (<paramref name="from"/>, <paramref name="filledFrom"/>) to (<paramref name="to"/>,
    /// <paramref name="filledTo"/>) is a transition to record: true for a legal move, false for no change.
    /// </summary>
    /// <exception cref="IllegalOrderTransitionException">for a move the machine does not allow.</exception>
    public static bool Moves(string clientOrderId, OrderStatus from, int filledFrom, OrderStatus to, int filledTo, int quantity)
    {
        if (from == to && filledFrom == filledTo)
        {
            return false;
        }

        var legal = !IsFinal(from)
            && filledTo >= filledFrom
            && filledTo <= quantity
            && to switch
            {
                OrderStatus.Pending => false,
                OrderStatus.Submitted => filledTo == 0,
                OrderStatus.PartiallyFilled => filledTo > 0 && filledTo < quantity,
                OrderStatus.Filled => filledTo == quantity,
                OrderStatus.Cancelled => filledTo < quantity,
                OrderStatus.Rejected => filledTo == 0,
                OrderStatus.Unknown => true,
                _ => false,
            };
        return legal ? true : throw new IllegalOrderTransitionException(clientOrderId, from, filledFrom, to, filledTo);
    }

    /// <summary>
    /// What a final outcome tells the breaker: a fill is a success, a rejection or an unknown outcome an error, and a
    /// limit order cancelled unfilled at our timeout nothing at all.
    /// </summary>
    public static BreakerFeed FeedFor(OrderStatus status, int filledQuantity) => status switch
    {
        _ when filledQuantity > 0 => BreakerFeed.Success,
        OrderStatus.Rejected or OrderStatus.Unknown => BreakerFeed.Error,
        _ => BreakerFeed.None,
    };
}
