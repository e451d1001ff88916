using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Trading.Journal;

/// <summary>What a final closing order means for the book: the events the exit use case commits.</summary>
public static class CloseBooking
{
    /// <summary>
    /// A closing order for the position as locked (its whole open quantity) at <paramref name="limitPrice"/> (null:
    /// marketable), recorded PENDING before it is sent. The caller locked the row and was refused while another closing
    /// order is working, so at most one is at work.
    /// </summary>
    /// <exception cref="PositionNotOpenException">when it is no longer OPEN.</exception>
    /// <param name="contracts">How many to close; null or more than are open: all that are open (a partial fill may have
    /// closed some since the caller read the position).</param>
    public static (OrderTicket Ticket, IReadOnlyList<TradingEvent> Events) Begin(
        Position locked, ExitReason reason, decimal? limitPrice, string actor, DateTimeOffset now, int? contracts = null)
    {
        if (locked.Status != PositionStatus.Open)
        {
            throw new PositionNotOpenException(locked.PositionId, locked.Status);
        }

        var quantity = Math.Min(contracts ?? locked.Quantity, locked.Quantity);
        var ticket = OrderTicket.ToClose(locked, quantity, $"close-{locked.PositionId}-{Guid.CreateVersion7(now):N}", now) with { LimitPrice = limitPrice };
        return (ticket, [new OrderSubmitted(ticket, OrderIntent.Close, locked.RequestId, locked.PositionId, reason.ToCode(), actor)]);
    }

    /// <summary>The broker acknowledged the closing order or filled part of it: the order moves (a repeat writes nothing).</summary>
    public static IReadOnlyList<TradingEvent> Progress(Position position, OrderState state, string actor) =>
        [new OrderMoved(state, position.RequestId, position.PositionId, null, actor)];

    /// <summary>
    /// Something filled at a debit: the order moves, its fills are stored, the filled contracts close (the whole position
    /// or part of it) with their trade, the breaker counts the round trip and the order's outcome, and the exit alert goes out.
    /// </summary>
    /// <param name="locked">The position as read under its row lock: what the fill reduces.</param>
    public static (ClosedPosition Closed, IReadOnlyList<TradingEvent> Events) Filled(
        Position locked, OrderState outcome, decimal debit, ExitReason reason, ExecutedBy executedBy, string actor, DateTimeOffset now)
    {
        var closed = locked.Reduce(outcome.FilledQuantity, new PositionExit(PriceRules.BrokerPrice(debit), reason, outcome.At, executedBy, actor,
            PriceRules.BrokerAmount(outcome.Fees), outcome.ClientOrderId), now);
        return (closed,
        [
            new PositionClosed(closed, actor),
            new CloseCounted(closed.Trade.WinLoss, closed.Trade.ClosedAt),
            new OrderMoved(outcome, locked.RequestId, locked.PositionId, null, actor),
            new FillsReceived(outcome, locked.RequestId, locked.PositionId),
            new BreakerFed(OrderLifecycle.FeedFor(outcome.Status, outcome.FilledQuantity)),
            new AlertRaised(Alert.Exit(closed)),
        ]);
    }

    /// <summary>
    /// The closing order closed nothing: it moves to <paramref name="final"/> (REJECTED, CANCELLED, or FILLED for a credit we
    /// will not book — its fills kept on record) or, when the broker call itself failed (null), to UNKNOWN for recovery.
    /// The position stays OPEN. The breaker counts an error for an unknown outcome or an unbookable fill, else the
    /// order's outcome; the failure alert goes out.
    /// </summary>
    public static IReadOnlyList<TradingEvent> Failed(
        Position position, ExitReason reason, string clientOrderId, OrderState? final, string error, string actor)
    {
        List<TradingEvent> events = final is null
            ? [new OrderMarkedUnknown(clientOrderId, position.RequestId, position.PositionId, error, actor)]
            : [new OrderMoved(final, position.RequestId, position.PositionId, error, actor), new FillsReceived(final, position.RequestId, position.PositionId)];
        events.Add(new AlertRaised(Alert.ExitFailed(position, reason, clientOrderId, error)));
        events.Add(new BreakerFed(final is null || final.FilledQuantity > 0 ? BreakerFeed.Error : OrderLifecycle.FeedFor(final.Status, 0)));
        return events;
    }
}
