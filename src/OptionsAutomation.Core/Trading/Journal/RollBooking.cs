using System.Globalization;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Trading.Adjustments;

namespace OptionsAutomation.Core.Trading.Journal;

/// <summary>
/// What a roll order means for the book: the events the roll use case commits. The order is recorded against the old
/// position (its closing side) with the roll's client order id as its request id, which is also the request id of the
/// position it opens.
/// </summary>
public static class RollBooking
{
    public const string Kind = "rolled";

    public const string FailedKind = "roll_failed";

    /// <summary>
    /// The roll order for the position as locked (its whole open quantity) at <paramref name="limitPrice"/>, recorded
    /// PENDING before it is sent. The caller locked the row, refused while a closing or roll order for it works.
    /// </summary>
    /// <exception cref="PositionNotOpenException">when it is no longer OPEN.</exception>
    public static (OrderTicket Ticket, IReadOnlyList<TradingEvent> Events) Begin(
        Position locked, Instruments.CreditStrategy next, decimal limitPrice, string clientOrderId, string actor, DateTimeOffset now)
    {
        if (locked.Status != PositionStatus.Open)
        {
            throw new PositionNotOpenException(locked.PositionId, locked.Status);
        }

        var ticket = RollLegs.Ticket(locked, next, locked.Quantity, clientOrderId, limitPrice, now);
        return (ticket, [new OrderSubmitted(ticket, OrderIntent.Roll, clientOrderId, locked.PositionId, ExitReason.Roll.ToCode(), actor)]);
    }

    /// <summary>The broker acknowledged the roll order or filled part of it: the order moves (a repeat writes nothing).</summary>
    public static IReadOnlyList<TradingEvent> Progress(long oldPositionId, OrderState state, string actor) =>
        [new OrderMoved(state, state.ClientOrderId, oldPositionId, null, actor)];

    /// <summary>
    /// Something filled and can be booked: the filled contracts of the old position close (reason <c>roll</c>, its trade
    /// at the closing legs' debit), the new position (already created in this entry) is opened and linked to the old one,
    /// the order moves, each side's fills are stored against its position, the breaker counts the round trip and the
    /// order's outcome, and one <c>rolled</c> alert goes out.
    /// </summary>
    /// <param name="locked">The old position as read under its row lock: what the fill reduces.</param>
    public static (ClosedPosition Closed, IReadOnlyList<TradingEvent> Events) Rolled(
        Position locked, StoredPosition opened, NewPosition position, OrderState outcome, RollFills fills, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(locked);
        ArgumentNullException.ThrowIfNull(opened);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(fills);
        // A roll is always a person's decision (an approved recommendation or the manual verb), even when recovery books it.
        var closed = locked.Reduce(outcome.FilledQuantity,
            new PositionExit(fills.ClosingDebit, ExitReason.Roll, outcome.At, ExecutedBy.Manual, actor, fills.ClosingFees, outcome.ClientOrderId), now);
        var next = opened.Position;
        return (closed,
        [
            new PositionClosed(closed, actor),
            new CloseCounted(closed.Trade.WinLoss, closed.Trade.ClosedAt),
            .. PositionBooking.Opened(opened, position),
            new PositionRolled(locked.PositionId, next.PositionId, outcome.ClientOrderId, actor),
            new OrderMoved(outcome, outcome.ClientOrderId, locked.PositionId, null, actor),
            new FillsReceived(outcome with { Fills = fills.Closing }, locked.RequestId, locked.PositionId),
            new FillsReceived(outcome with { Fills = fills.Opening }, next.RequestId, next.PositionId),
            new BreakerFed(OrderLifecycle.FeedFor(outcome.Status, outcome.FilledQuantity)),
            new AlertRaised(RolledAlert(closed, next, outcome, fills)),
        ]);
    }

    /// <summary>
    /// The roll order rolled nothing: it moves to <paramref name="final"/> (its fills, if any, kept on record against the old
    /// position) or, when the broker call itself failed (null), to UNKNOWN for recovery. The old position stays OPEN. The
    /// breaker counts an error for an unknown outcome or an unbookable fill, else the order's outcome; one alert goes out.
    /// </summary>
    public static IReadOnlyList<TradingEvent> Failed(Position old, string clientOrderId, OrderState? final, string error, string actor)
    {
        ArgumentNullException.ThrowIfNull(old);
        List<TradingEvent> events = final is null
            ? [new OrderMarkedUnknown(clientOrderId, clientOrderId, old.PositionId, error, actor)]
            : [new OrderMoved(final, clientOrderId, old.PositionId, error, actor), new FillsReceived(final, old.RequestId, old.PositionId)];
        var what = final is null
            ? $"roll order {clientOrderId} has no known outcome ({error}); recovery asks the broker again, and the position stays OPEN until then."
            : $"roll order {clientOrderId} rolled nothing ({error}); the position stays OPEN.";
        events.Add(new AlertRaised(new Alert($"roll-failed:{clientOrderId}", FailedKind,
            $"Position {old.PositionId} {old.Ticker} {old.StrategyType.ToCode()}: {what}", old.PositionId, old.RequestId)));
        events.Add(new BreakerFed(final is null || final.FilledQuantity > 0 ? BreakerFeed.Error : OrderLifecycle.FeedFor(final.Status, 0)));
        return events;
    }

    private static Alert RolledAlert(ClosedPosition closed, Position next, OrderState outcome, RollFills fills)
    {
        var old = closed.Position;
        var rest = closed.IsPartial ? $"; {old.Quantity} of position {old.PositionId} stay OPEN ({outcome.Reason ?? "the rest not filled"})" : "";
        return new($"rolled:{outcome.ClientOrderId}", Kind,
            string.Create(CultureInfo.InvariantCulture,
                $"Position {old.PositionId} rolled — {old.Ticker} {old.StrategyType.ToCode()} × {outcome.FilledQuantity} — closed at {MoneyText.Price(fills.ClosingDebit)} ({MoneyText.Signed(closed.Trade.PnlRealized)}), " +
                $"opened {next.Expiration:yyyy-MM-dd} {next.ShortStrike}{(next.LongStrike is { } l ? $"/{l}" : "")} at {MoneyText.Price(fills.OpeningCredit)}, net credit {MoneyText.Price(-outcome.NetPrice!.Value)} — position {next.PositionId}{rest}"),
            next.PositionId, next.RequestId);
    }
}
