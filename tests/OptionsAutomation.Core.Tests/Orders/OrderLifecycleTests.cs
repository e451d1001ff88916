using OptionsAutomation.Core.Orders;

namespace OptionsAutomation.Core.Tests.Orders;

public sealed class OrderLifecycleTests
{
    private const string Id = "close-7-profit_target";
    private const int Quantity = 5;

    [Theory]
    [InlineData(OrderStatus.Pending, 0, OrderStatus.Submitted, 0)]
    [InlineData(OrderStatus.Pending, 0, OrderStatus.PartiallyFilled, 2)]
    [InlineData(OrderStatus.Pending, 0, OrderStatus.Filled, 5)]
    [InlineData(OrderStatus.Pending, 0, OrderStatus.Cancelled, 0)]
    [InlineData(OrderStatus.Pending, 0, OrderStatus.Rejected, 0)]
    [InlineData(OrderStatus.Pending, 0, OrderStatus.Unknown, 0)]
    [InlineData(OrderStatus.Submitted, 0, OrderStatus.PartiallyFilled, 1)]
    [InlineData(OrderStatus.Submitted, 0, OrderStatus.PartiallyFilled, 4)]
    [InlineData(OrderStatus.Submitted, 0, OrderStatus.Filled, 5)]
    [InlineData(OrderStatus.Submitted, 0, OrderStatus.Cancelled, 0)]
    [InlineData(OrderStatus.Submitted, 0, OrderStatus.Rejected, 0)]
    [InlineData(OrderStatus.Submitted, 0, OrderStatus.Unknown, 0)]
    [InlineData(OrderStatus.PartiallyFilled, 2, OrderStatus.PartiallyFilled, 3)]
    [InlineData(OrderStatus.PartiallyFilled, 2, OrderStatus.PartiallyFilled, 4)]
    [InlineData(OrderStatus.PartiallyFilled, 2, OrderStatus.Filled, 5)]
    [InlineData(OrderStatus.PartiallyFilled, 2, OrderStatus.Cancelled, 2)]
    [InlineData(OrderStatus.PartiallyFilled, 2, OrderStatus.Cancelled, 4)]
    [InlineData(OrderStatus.PartiallyFilled, 2, OrderStatus.Unknown, 2)]
    [InlineData(OrderStatus.PartiallyFilled, 2, OrderStatus.Unknown, 3)]
    [InlineData(OrderStatus.Unknown, 0, OrderStatus.Submitted, 0)]
    [InlineData(OrderStatus.Unknown, 0, OrderStatus.PartiallyFilled, 3)]
    [InlineData(OrderStatus.Unknown, 0, OrderStatus.Filled, 5)]
    [InlineData(OrderStatus.Unknown, 2, OrderStatus.Filled, 5)]
    [InlineData(OrderStatus.Unknown, 0, OrderStatus.Cancelled, 0)]
    [InlineData(OrderStatus.Unknown, 2, OrderStatus.Cancelled, 2)]
    [InlineData(OrderStatus.Unknown, 0, OrderStatus.Rejected, 0)]
    [InlineData(OrderStatus.Unknown, 0, OrderStatus.Unknown, 1)]
    public void Moves_LegalMove_IsATransition(OrderStatus from, int filledFrom, OrderStatus to, int filledTo)
    {
        Assert.True(OrderLifecycle.Moves(Id, from, filledFrom, to, filledTo, Quantity));
    }

    [Theory]
    [InlineData(OrderStatus.Pending, 0)]
    [InlineData(OrderStatus.Submitted, 0)]
    [InlineData(OrderStatus.PartiallyFilled, 3)]
    [InlineData(OrderStatus.Unknown, 0)]
    [InlineData(OrderStatus.Unknown, 2)]
    [InlineData(OrderStatus.Filled, 5)]
    [InlineData(OrderStatus.Cancelled, 0)]
    [InlineData(OrderStatus.Cancelled, 2)]
    [InlineData(OrderStatus.Rejected, 0)]
    public void Moves_SameStateSameFilled_IsNoTransition(OrderStatus status, int filled)
    {
        Assert.False(OrderLifecycle.Moves(Id, status, filled, status, filled, Quantity));
    }

    [Theory]
    // Out of a final state.
    [InlineData(OrderStatus.Filled, 5, OrderStatus.Cancelled, 5)]
    [InlineData(OrderStatus.Filled, 5, OrderStatus.Unknown, 5)]
    [InlineData(OrderStatus.Cancelled, 0, OrderStatus.Filled, 5)]
    [InlineData(OrderStatus.Cancelled, 2, OrderStatus.PartiallyFilled, 3)]
    [InlineData(OrderStatus.Cancelled, 0, OrderStatus.Unknown, 0)]
    [InlineData(OrderStatus.Rejected, 0, OrderStatus.Submitted, 0)]
    [InlineData(OrderStatus.Rejected, 0, OrderStatus.Filled, 5)]
    [InlineData(OrderStatus.Rejected, 0, OrderStatus.Cancelled, 0)]
    [InlineData(OrderStatus.Rejected, 0, OrderStatus.Unknown, 0)]
    // Back to PENDING.
    [InlineData(OrderStatus.Submitted, 0, OrderStatus.Pending, 0)]
    [InlineData(OrderStatus.Unknown, 0, OrderStatus.Pending, 0)]
    [InlineData(OrderStatus.Pending, 0, OrderStatus.Pending, 1)]
    // The filled quantity shrinks or exceeds the order.
    [InlineData(OrderStatus.PartiallyFilled, 3, OrderStatus.PartiallyFilled, 2)]
    [InlineData(OrderStatus.PartiallyFilled, 3, OrderStatus.Cancelled, 2)]
    [InlineData(OrderStatus.Unknown, 3, OrderStatus.Unknown, 1)]
    [InlineData(OrderStatus.PartiallyFilled, 3, OrderStatus.Submitted, 0)]
    [InlineData(OrderStatus.Submitted, 0, OrderStatus.Filled, 6)]
    [InlineData(OrderStatus.Submitted, 0, OrderStatus.Unknown, 6)]
    // The filled quantity does not fit the state.
    [InlineData(OrderStatus.Pending, 0, OrderStatus.Submitted, 1)]
    [InlineData(OrderStatus.Submitted, 0, OrderStatus.Filled, 4)]
    [InlineData(OrderStatus.Unknown, 0, OrderStatus.Filled, 0)]
    [InlineData(OrderStatus.Submitted, 0, OrderStatus.Rejected, 1)]
    [InlineData(OrderStatus.Unknown, 2, OrderStatus.Rejected, 2)]
    [InlineData(OrderStatus.Submitted, 0, OrderStatus.PartiallyFilled, 5)]
    [InlineData(OrderStatus.Submitted, 0, OrderStatus.PartiallyFilled, 0)]
    [InlineData(OrderStatus.PartiallyFilled, 2, OrderStatus.Cancelled, 5)]
    public void Moves_IllegalMove_Throws(OrderStatus from, int filledFrom, OrderStatus to, int filledTo)
    {
        Assert.Throws<IllegalOrderTransitionException>(() => OrderLifecycle.Moves(Id, from, filledFrom, to, filledTo, Quantity));
    }

    [Fact]
    public void Moves_FilledToCancelled_MessageNamesTheOrderAndBothStatesAsCodes()
    {
        var e = Assert.Throws<IllegalOrderTransitionException>(() =>
            OrderLifecycle.Moves("close-7-stop_loss", OrderStatus.Filled, 5, OrderStatus.Cancelled, 5, Quantity));

        Assert.Equal("order close-7-stop_loss: illegal transition FILLED (5 filled) → CANCELLED (5 filled)", e.Message);
        Assert.IsAssignableFrom<InvalidOperationException>(e);
    }

    [Fact]
    public void Moves_ShrinkingFill_MessageCarriesBothQuantities()
    {
        var e = Assert.Throws<IllegalOrderTransitionException>(() =>
            OrderLifecycle.Moves("open-req-9", OrderStatus.PartiallyFilled, 3, OrderStatus.PartiallyFilled, 2, Quantity));

        Assert.Equal("order open-req-9: illegal transition PARTIALLY_FILLED (3 filled) → PARTIALLY_FILLED (2 filled)", e.Message);
    }

    [Fact]
    public void Moves_CancelledToFilled_MessageNamesBothCodes()
    {
        var e = Assert.Throws<IllegalOrderTransitionException>(() =>
            OrderLifecycle.Moves(Id, OrderStatus.Cancelled, 0, OrderStatus.Filled, 5, Quantity));

        Assert.Contains(Id, e.Message, StringComparison.Ordinal);
        Assert.Contains("CANCELLED (0 filled) → FILLED (5 filled)", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OrderStatus.Submitted, "SUBMITTED")]
    [InlineData(OrderStatus.Unknown, "UNKNOWN")]
    [InlineData(OrderStatus.Rejected, "REJECTED")]
    public void Moves_BackToPending_MessageNamesPending(OrderStatus from, string fromCode)
    {
        var e = Assert.Throws<IllegalOrderTransitionException>(() =>
            OrderLifecycle.Moves(Id, from, 0, OrderStatus.Pending, 0, Quantity));

        Assert.Equal($"order {Id}: illegal transition {fromCode} (0 filled) → PENDING (0 filled)", e.Message);
    }

    [Theory]
    [InlineData(OrderStatus.Filled, true)]
    [InlineData(OrderStatus.Cancelled, true)]
    [InlineData(OrderStatus.Rejected, true)]
    [InlineData(OrderStatus.Pending, false)]
    [InlineData(OrderStatus.Submitted, false)]
    [InlineData(OrderStatus.PartiallyFilled, false)]
    [InlineData(OrderStatus.Unknown, false)]
    public void IsFinal_OnlyFilledCancelledRejected_AndWorkingIsTheRest(OrderStatus status, bool final)
    {
        Assert.Equal(final, OrderLifecycle.IsFinal(status));
        Assert.Equal(!final, OrderLifecycle.IsWorking(status));
    }

    // Whatever the pair of states and quantities, nothing legally leaves a final state, nothing legally enters PENDING
    // from elsewhere, and a legal move never shrinks the fill nor takes it past the order.
    [Fact]
    public void Moves_OverEveryPairOfStates_NeverLeavesAFinalState()
    {
        var statuses = Enum.GetValues<OrderStatus>();
        int[] filled = [0, 1, 2, 4, 5, 6];
        var legal = 0;
        var noChange = 0;
        foreach (var from in statuses)
        {
            foreach (var to in statuses)
            {
                foreach (var filledFrom in filled)
                {
                    foreach (var filledTo in filled)
                    {
                        bool moves;
                        try
                        {
                            moves = OrderLifecycle.Moves(Id, from, filledFrom, to, filledTo, Quantity);
                        }
                        catch (IllegalOrderTransitionException)
                        {
                            continue;
                        }

                        if (!moves)
                        {
                            Assert.Equal((from, filledFrom), (to, filledTo));
                            noChange++;
                            continue;
                        }

                        legal++;
                        Assert.False(OrderLifecycle.IsFinal(from), $"{from} ({filledFrom}) → {to} ({filledTo}) left a final state");
                        Assert.NotEqual(OrderStatus.Pending, to);
                        Assert.InRange(filledTo, filledFrom, Quantity);
                    }
                }
            }
        }

        // 7 states × 6 quantities each staying put. Legal, counted by hand for an order of 5: the (a ≤ b ≤ 5) fill pairs
        // from {0,1,2,4,5,6} are 15, of which b = 0: 1, 0 < b < 5: 9, b = 5: 5; so into SUBMITTED 1, REJECTED 1,
        // PARTIALLY_FILLED 9, FILLED 5, CANCELLED 10, UNKNOWN 15 = 41 from each working state, less the stays:
        // PENDING 41 + SUBMITTED 40 + PARTIALLY_FILLED 38 + UNKNOWN 36.
        Assert.Equal(42, noChange);
        Assert.Equal(155, legal);
    }

    [Theory]
    [InlineData(OrderStatus.Filled, 5)]
    [InlineData(OrderStatus.PartiallyFilled, 2)]
    [InlineData(OrderStatus.Cancelled, 2)]
    [InlineData(OrderStatus.Cancelled, 1)]
    [InlineData(OrderStatus.Unknown, 3)]
    [InlineData(OrderStatus.Rejected, 1)]
    public void FeedFor_AnythingFilled_IsSuccess(OrderStatus status, int filled)
    {
        Assert.Equal(BreakerFeed.Success, OrderLifecycle.FeedFor(status, filled));
    }

    [Theory]
    [InlineData(OrderStatus.Rejected)]
    [InlineData(OrderStatus.Unknown)]
    public void FeedFor_RejectedOrUnknownWithNothingFilled_IsError(OrderStatus status)
    {
        Assert.Equal(BreakerFeed.Error, OrderLifecycle.FeedFor(status, 0));
    }

    [Fact]
    public void FeedFor_CancelledUnfilled_IsNoErrorAtAll()
    {
        // An unfilled limit order cancelled at our timeout: the market did not come to us, not a failure.
        Assert.Equal(BreakerFeed.None, OrderLifecycle.FeedFor(OrderStatus.Cancelled, 0));
    }
}
