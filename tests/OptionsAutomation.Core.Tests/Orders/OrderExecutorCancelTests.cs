using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Tests.Support;
using OptionsAutomation.Core.Trading;

namespace OptionsAutomation.Core.Tests.Orders;

/// <summary>
/// A real broker cancels asynchronously: the answer to a cancel may still be working (pending cancel) and may still
/// fill. The executor books only a final state, and a cancel never confirmed is an unknown outcome.
/// </summary>
public sealed class OrderExecutorCancelTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);
    private static readonly OrderLeg Put = new(new OptionContract("SPY", new DateOnly(2026, 3, 20), OptionRight.Put, 580m), OrderSide.SellToOpen, 1);
    private static readonly OrderTicket Ticket = new("o-1", "SPY", new([Put]), 3, -1.50m, T0);

    [Fact]
    public async Task PendingCancel_IsFollowedToItsFinalState_WithTheFillThatLandedMeanwhile()
    {
        // Working until the timeout; the cancel answers "still working, 1 filled", then the broker confirms CANCELLED with 1.
        var broker = new ScriptedBroker(
            cancel: [State(OrderStatus.PartiallyFilled, 1)],
            afterCancel: [State(OrderStatus.PartiallyFilled, 1), State(OrderStatus.Cancelled, 1)]);

        var final = await Executor(broker).ExecuteAsync(Ticket, null, CancellationToken.None);

        Assert.Equal((OrderStatus.Cancelled, 1, "cancelled: not filled within 30 s"), (final.Status, final.FilledQuantity, final.Reason));
        Assert.Equal(2, broker.LooksAfterCancel);
    }

    [Fact]
    public async Task CancelNeverConfirmed_IsAnUnknownOutcome_NotABookableState()
    {
        var broker = new ScriptedBroker(cancel: [State(OrderStatus.Submitted, 0)], afterCancel: []);

        var unknown = await Assert.ThrowsAsync<InvalidOperationException>(() => Executor(broker).ExecuteAsync(Ticket, null, CancellationToken.None));

        Assert.Equal("the cancel of order o-1 was not confirmed (still SUBMITTED); outcome unknown", unknown.Message);
        Assert.Equal(OrderExecutor.CancelConfirmPolls, broker.LooksAfterCancel);
    }

    private static OrderExecutor Executor(IBroker broker)
    {
        var clock = new FakeTimeProvider(T0);
        return new OrderExecutor(broker, new ExecutionSettings { FillTimeoutSeconds = 30, PollIntervalSeconds = 1 }, new ClockAdvance(clock), clock, new InMemoryTradingJournal(new InMemoryPositionStore()));
    }

    private static OrderState State(OrderStatus status, int filled) =>
        new("o-1", status, 3, filled, filled > 0 ? -1.50m : null, 0m, ValueList<LegFill>.Empty, "b-1", null, T0);

    /// <summary>Moves the fixed clock on instead of sleeping.</summary>
    private sealed class ClockAdvance(FakeTimeProvider clock) : IPollDelay
    {
        public Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
        {
            clock.Advance(delay);
            return Task.CompletedTask;
        }
    }

    /// <summary>Rests until cancelled; then answers the scripted cancel and the scripted looks after it (the last repeats).</summary>
    private sealed class ScriptedBroker(OrderState[] cancel, OrderState[] afterCancel) : IBroker
    {
        private bool _cancelled;

        public int LooksAfterCancel { get; private set; }

        public Task<OrderState> PlaceAsync(OrderTicket ticket, CancellationToken cancellationToken) => Task.FromResult(State(OrderStatus.Submitted, 0));

        public Task<OrderState?> GetOrderAsync(string clientOrderId, CancellationToken cancellationToken)
        {
            if (!_cancelled)
            {
                return Task.FromResult<OrderState?>(State(OrderStatus.Submitted, 0));
            }

            var look = afterCancel.Length == 0 ? cancel[^1] : afterCancel[Math.Min(LooksAfterCancel, afterCancel.Length - 1)];
            LooksAfterCancel++;
            return Task.FromResult<OrderState?>(look);
        }

        public Task<OrderState?> CancelAsync(string clientOrderId, CancellationToken cancellationToken)
        {
            _cancelled = true;
            return Task.FromResult<OrderState?>(cancel[0]);
        }

        public Task<OrderState?> ReplaceAsync(string clientOrderId, decimal limitPrice, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<LegFill>> GetFillsAsync(string clientOrderId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<BrokerPosition>> GetPositionsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<BrokerAccount> GetAccountAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
