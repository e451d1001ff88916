using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Trading.Journal;

/// <summary>What opening a position or closing one by hand means for the book: the events the position use cases commit.</summary>
public static class PositionBooking
{
    public static IReadOnlyList<TradingEvent> Opened(StoredPosition created, NewPosition position) =>
        [new PositionOpened(created.Position, position.Terms.Warnings, position.Actor)];

    /// <summary>
    /// A close recorded by hand (done at the broker by a person): the position closes with its trade, and the breaker
    /// counts the round trip like any other. No alert: the person who recorded it knows.
    /// </summary>
    public static IReadOnlyList<TradingEvent> ClosedByHand(ClosedPosition closed, string actor) =>
    [
        new PositionClosed(closed, actor),
        new CloseCounted(closed.Trade.WinLoss, closed.Trade.ClosedAt),
    ];
}
