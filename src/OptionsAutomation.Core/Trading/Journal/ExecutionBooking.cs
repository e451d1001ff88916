using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Proposals;

namespace OptionsAutomation.Core.Trading.Journal;

/// <summary>What an opening order's outcome means for the book: the events the approval use case commits.</summary>
public static class ExecutionBooking
{
    /// <summary>The opening order is recorded PENDING before it is sent (again for a resumed approval: nothing is written).</summary>
    public static TradingEvent Submitted(TradeProposal executing, OrderTicket ticket, string actor) =>
        new OrderSubmitted(ticket, OrderIntent.Open, executing.RequestId, null, null, actor);

    /// <summary>The broker acknowledged the opening order or filled part of it: the order moves (a repeat writes nothing).</summary>
    public static IReadOnlyList<TradingEvent> Progress(TradeProposal executing, OrderState state, string actor) =>
        [new OrderMoved(state, executing.RequestId, null, null, actor)];

    /// <summary>
    /// Something filled and the position for it exists: the order moves, its fills are stored against the position, the
    /// proposal is EXECUTED, the breaker is fed the order's outcome and the executed alert goes out.
    /// </summary>
    /// <returns>The proposal as it stands after the commit, and the events.</returns>
    public static (TradeProposal Executed, IReadOnlyList<TradingEvent> Events) Executed(
        TradeProposal executing, OrderState fill, long positionId, string actor, DateTimeOffset now) =>
        (executing with { Status = ProposalStatus.Executed, PositionId = positionId, UpdatedAt = now },
        [
            new OrderMoved(fill, executing.RequestId, positionId, null, actor),
            new FillsReceived(fill, executing.RequestId, positionId),
            new ProposalExecuted(executing, fill, positionId, actor),
            new BreakerFed(OrderLifecycle.FeedFor(fill.Status, fill.FilledQuantity)),
            new AlertRaised(Alert.Executed(executing, fill, positionId)),
        ]);

    /// <summary>
    /// The order is final and nothing is booked: the order moves to <paramref name="final"/> (a fill we will not book is
    /// still kept on record, against no position), the proposal FAILS with the reason, the breaker is fed
    /// <paramref name="feed"/> and the decided alert goes out.
    /// </summary>
    public static (TradeProposal Failed, IReadOnlyList<TradingEvent> Events) Failed(
        TradeProposal executing, OrderState final, string reason, BreakerFeed feed, string actor, DateTimeOffset now)
    {
        var failed = executing with
        {
            Status = ProposalStatus.Failed,
            DecisionReason = final.FilledQuantity == 0 ? $"order not filled: {reason}" : $"order not booked: {reason}",
            UpdatedAt = now,
        };
        return (failed,
        [
            new OrderMoved(final, executing.RequestId, null, reason, actor),
            new FillsReceived(final, executing.RequestId, null),
            new ProposalFailed(failed, actor),
            new BreakerFed(feed),
            new AlertRaised(Alert.Decided(failed)),
        ]);
    }

    /// <summary>The broker call gave no answer: the opening order is UNKNOWN (recovery asks again) and the breaker counts an error.</summary>
    public static IReadOnlyList<TradingEvent> Unknown(TradeProposal executing, string clientOrderId, string error, string actor) =>
    [
        new OrderMarkedUnknown(clientOrderId, executing.RequestId, null, error, actor),
        new BreakerFed(BreakerFeed.Error),
    ];
}
