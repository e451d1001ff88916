using OptionsAutomation.Core;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Core.Trading.Journal;
using OptionsAutomation.Infrastructure.Brokers;
using OptionsAutomation.Infrastructure.InMemory;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.InMemory;

/// <summary>The in-memory book's journal writes all of an entry or nothing of it, as a Postgres transaction does. No database.</summary>
public sealed class InMemoryJournalTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);
    private readonly InMemoryBook _book = new(new TradingSettings(), new PaperBrokerSettings(), new ScriptedMarketData(), new SimulatedClock(Now));

    [Fact]
    public async Task AnEntryDisposedWithoutACommit_LeavesNothing_AndItsIdIsNotGivenAgain()
    {
        await using (var entry = await _book.Journal.BeginAsync(CancellationToken.None))
        {
            Assert.True((await entry.OpenPositionAsync(NewCsp("req-1"), Now, CancellationToken.None)).Created);
        }

        var opened = await _book.Services.Positions.OpenAsync(Request("req-2"), CancellationToken.None);

        Assert.Null(await _book.Positions.FindByRequestIdAsync("req-1", CancellationToken.None));
        Assert.Equal(2, opened.Position.PositionId);
    }

    [Fact]
    public async Task ACommitThatFailsPartWay_LeavesNothing_NotEvenWhatWasWrittenBeforeIt()
    {
        var position = (await _book.Services.Positions.OpenAsync(Request("req-1"), CancellationToken.None)).Position;
        var ticket = OrderTicket.ToClose(position, "close-1", Now);

        await using (var entry = await _book.Journal.BeginAsync(CancellationToken.None))
        {
            var closed = (await entry.LockPositionAsync(position.PositionId, byClosingOrder: false, CancellationToken.None)).Close(
                new PositionExit(1.00m, Core.Exits.ExitReason.Manual, Now, ExecutedBy.Manual, "test", 0m, null), Now);
            var unrecorded = new OrderState("never-recorded", OrderStatus.Filled, 1, 1, 1.00m, 0m, ValueList<LegFill>.Empty, null, null, Now);
            await Assert.ThrowsAsync<InvalidOperationException>(() => entry.CommitAsync(
                [new OrderSubmitted(ticket, OrderIntent.Close, position.RequestId, position.PositionId, "manual", "test"),
                 new PositionClosed(closed, "test"), new AlertRaised(Alert.Exit(closed)), new OrderMoved(unrecorded, null, null, null, "test")],
                Now, CancellationToken.None));
        }

        Assert.Equal(PositionStatus.Open, (await _book.Positions.FindAsync(position.PositionId, CancellationToken.None))!.Status);
        Assert.Empty(await _book.Positions.HistoryAsync(null, null, CancellationToken.None));
        Assert.Empty(await _book.Orders.ListAsync(OrderFilter.All, CancellationToken.None));
        Assert.Empty(_book.Alerts);
        // Nor is the closing order it submitted left at work: the position can be locked for a close again.
        await using var again = await _book.Journal.BeginAsync(CancellationToken.None);
        Assert.Equal(position.PositionId, (await again.LockPositionAsync(position.PositionId, byClosingOrder: false, CancellationToken.None)).PositionId);
    }

    [Fact]
    public async Task OpeningOneRequestTwice_OpensOnePosition()
    {
        var first = await _book.Services.Positions.OpenAsync(Request("req-1"), CancellationToken.None);
        var second = await _book.Services.Positions.OpenAsync(Request("req-1"), CancellationToken.None);

        Assert.Equal((true, false), (first.Created, second.Created));
        Assert.Equal(first.Position, second.Position);
        Assert.Single(await _book.Positions.ListAsync(PositionStatusFilter.All, null, CancellationToken.None));
    }

    private static OpenPositionRequest Request(string requestId) => new()
    {
        RequestId = requestId,
        Strategy = StrategyType.CashSecuredPut,
        Ticker = "SPY",
        Expiration = new DateOnly(2026, 4, 17),
        ShortStrike = 580m,
        Credit = 5.00m,
        Quantity = 1,
        OpenedAt = Now,
        Actor = "test",
    };

    private static NewPosition NewCsp(string requestId) => NewPosition.From(Request(requestId), new Core.Exits.ExitRuleSettings(), Now);
}
