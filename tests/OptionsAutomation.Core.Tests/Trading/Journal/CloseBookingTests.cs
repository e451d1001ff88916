using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Tests.Support;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Core.Trading.Journal;

namespace OptionsAutomation.Core.Tests.Trading.Journal;

/// <summary>Core, not the adapter, decides what a closing order's fill does to the book: these are the events it commits.</summary>
public sealed class CloseBookingTests
{
    private static readonly DateTimeOffset Now = TestDates.Now;

    [Theory]
    [InlineData(OrderStatus.Filled, 3, false)]
    [InlineData(OrderStatus.Cancelled, 1, true)]
    public void Filled_ProducesOrderFillsCloseCountBreakerAndAlert(OrderStatus status, int filled, bool partial)
    {
        var position = PositionBuilder.Csp("SPY", 580m, 1.50m).WithId(7).WithRequestId("req-7").WithQuantity(3).Build();
        var fill = new OrderState("close-7-a", status, 3, filled, 0.75m, 1.95m, ValueList<LegFill>.Empty, "b-1", null, Now);

        var (closed, events) = CloseBooking.Filled(position, fill, 0.75m, ExitReason.ProfitTarget, ExecutedBy.Auto, ExitService.Actor, Now);

        Assert.Equal(partial, closed.IsPartial);
        Assert.Equal(filled, closed.Trade.Quantity);
        Assert.Collection(events,
            e => Assert.Equal(new PositionClosed(closed, ExitService.Actor), e),
            e => Assert.Equal(new CloseCounted(TradeOutcome.Win, closed.Trade.ClosedAt), e),
            e => Assert.Equal(new OrderMoved(fill, "req-7", 7, null, ExitService.Actor), e),
            e => Assert.Equal(new FillsReceived(fill, "req-7", 7), e),
            e => Assert.Equal(new BreakerFed(BreakerFeed.Success), e),
            e => Assert.Equal(new AlertRaised(Alert.Exit(closed)), e));
        Assert.Equal(partial ? $"exit:7:{fill.ClientOrderId}" : "exit:7", ((AlertRaised)events[^1]).Alert.DedupKey);
    }

    [Fact]
    public void Failed_WithoutAnAnswer_MarksTheOrderUnknownAlertsAndCountsAnError()
    {
        var position = PositionBuilder.Csp("SPY", 580m, 1.50m).WithId(7).WithRequestId("req-7").Build();

        var events = CloseBooking.Failed(position, ExitReason.StopLoss, "close-7-a", null, "broker error", ExitService.Actor);

        Assert.Collection(events,
            e => Assert.Equal(new OrderMarkedUnknown("close-7-a", "req-7", 7, "broker error", ExitService.Actor), e),
            e => Assert.Equal(new AlertRaised(Alert.ExitFailed(position, ExitReason.StopLoss, "close-7-a", "broker error")), e),
            e => Assert.Equal(new BreakerFed(BreakerFeed.Error), e));
    }

    [Fact]
    public void Begin_RecordsAPendingCloseForTheLockedQuantityAtTheWalksFirstPrice()
    {
        var position = PositionBuilder.Csp("SPY", 580m, 1.50m).WithId(7).WithRequestId("req-7").WithQuantity(3).Build();

        var (ticket, events) = CloseBooking.Begin(position, ExitReason.StopLoss, 0.85m, "alice", Now);

        Assert.StartsWith("close-7-", ticket.ClientOrderId, StringComparison.Ordinal);
        Assert.Equal((3, (decimal?)0.85m, Now), (ticket.Quantity, ticket.LimitPrice, ticket.AsOf));
        Assert.Equal(new OrderSubmitted(ticket, OrderIntent.Close, "req-7", 7, "stop_loss", "alice"), Assert.Single(events));
    }

    [Fact]
    public void Begin_OnAPositionNoLongerOpen_Refuses()
    {
        var position = PositionBuilder.Csp().WithId(7).Build();
        var closed = position.Close(TestExits.At(0.50m, ExitReason.ProfitTarget), Now).Position;

        Assert.Throws<PositionNotOpenException>(() => CloseBooking.Begin(closed, ExitReason.StopLoss, null, "alice", Now));
    }
}
