using OptionsAutomation.Core;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Infrastructure.Brokers;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Brokers;

public sealed class ResilientBrokerTests
{
    private static readonly BrokerResilienceSettings Fast = new() { AttemptTimeoutSeconds = 0.2, MaxRetries = 2, BaseDelaySeconds = 0.01 };

    private static readonly OrderTicket Ticket = new(
        "close-1-abc", "SPY",
        new([new OrderLeg(new OptionContract("SPY", new DateOnly(2026, 3, 20), OptionRight.Put, 580m), OrderSide.BuyToClose, 1)]),
        1, null, new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Submit_AfterTwoFailures_FillsOnTheThirdAttemptWithTheSameClientOrderId()
    {
        var inner = new ScriptedBroker(fail: 2);

        var outcome = await new ResilientBroker(inner, Fast).PlaceAsync(Ticket, CancellationToken.None);

        Assert.Equal(OrderStatus.Filled, outcome.Status);
        Assert.Equal(["close-1-abc", "close-1-abc", "close-1-abc"], inner.Calls);
    }

    [Fact]
    public async Task Submit_WhenAnAttemptHangs_TimesOutAndRetries()
    {
        var inner = new ScriptedBroker(fail: 0, hang: 1);

        var outcome = await new ResilientBroker(inner, Fast).PlaceAsync(Ticket, CancellationToken.None);

        Assert.Equal(OrderStatus.Filled, outcome.Status);
        Assert.Equal(2, inner.Calls.Count);
    }

    [Fact]
    public async Task Submit_WhenEveryAttemptFails_Throws()
    {
        var inner = new ScriptedBroker(fail: 5);

        await Assert.ThrowsAsync<TimeoutException>(() => new ResilientBroker(inner, Fast).PlaceAsync(Ticket, CancellationToken.None));
        Assert.Equal(3, inner.Calls.Count);
    }

    [Fact]
    public async Task Submit_Rejection_IsAnAnswerAndNotRetried()
    {
        var inner = new ScriptedBroker(fail: 0, reject: true);

        var outcome = await new ResilientBroker(inner, Fast).PlaceAsync(Ticket, CancellationToken.None);

        Assert.Equal(OrderStatus.Rejected, outcome.Status);
        Assert.Single(inner.Calls);
    }

    /// <summary>Fails (throws), hangs or rejects for the first calls as told, then fills.</summary>
    private sealed class ScriptedBroker(int fail, int hang = 0, bool reject = false) : PlaceOnlyBroker
    {
        public List<string> Calls { get; } = [];

        public override async Task<OrderState> PlaceAsync(OrderTicket ticket, CancellationToken cancellationToken)
        {
            Calls.Add(ticket.ClientOrderId);
            if (Calls.Count <= hang)
            {
                await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
            }

            if (Calls.Count <= fail)
            {
                throw new TimeoutException("no answer from broker");
            }

            return reject
                ? OrderState.Rejected(ticket.ClientOrderId, ticket.Quantity, "halted", ticket.AsOf)
                : new OrderState(ticket.ClientOrderId, OrderStatus.Filled, ticket.Quantity, ticket.Quantity, 0.75m, 0.65m, ValueList<LegFill>.Empty, "b-1", null, ticket.AsOf);
        }
    }
}
