using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Orders.Paper;

namespace OptionsAutomation.Core.Tests.Orders;

/// <summary>The paper fill model on its own: no book, quotes set per test.</summary>
public sealed class PaperExchangeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);
    private static readonly OptionContract Put580 = new("SPY", new DateOnly(2026, 3, 20), OptionRight.Put, 580m);
    private readonly Quotes _quotes = new();

    [Fact]
    public async Task AMarketableSell_FillsAtTheBidImproved_WithCommissionPerContract()
    {
        _quotes.Set(Put580, 1.48m, 1.52m, T0);

        var order = await Exchange(new PaperFillRules { PriceImprovement = 0.01m }).PlaceAsync(SellPut(null, 3), T0, CancellationToken.None);

        Assert.Equal((OrderStatus.Filled, 3, -1.49m, 1.95m), (order.State.Status, order.State.FilledQuantity, order.State.NetPrice, order.State.Fees));
        Assert.Equal(new LegFill("o-1-1", order.Ticket.Legs[0], 3, 1.49m, 1.95m), Assert.Single(order.State.Fills));
    }

    [Fact]
    public async Task ALimitBeyondTheMid_Rests_AndFillsAtItsLimitOnceTheMidReachesIt()
    {
        _quotes.Set(Put580, 1.48m, 1.52m, T0);
        var exchange = Exchange(new PaperFillRules());
        var order = await exchange.PlaceAsync(SellPut(-1.55m, 1), T0, CancellationToken.None);
        Assert.Equal(OrderStatus.Submitted, order.State.Status);

        _quotes.Set(Put580, 1.54m, 1.58m, T0.AddSeconds(30));
        await exchange.EvaluateAsync(order, T0.AddSeconds(30), CancellationToken.None);

        Assert.Equal((OrderStatus.Filled, -1.55m, T0.AddSeconds(30)), (order.State.Status, order.State.NetPrice, order.State.At));
    }

    [Fact]
    public async Task AtMostMaxContractsFillPerLook_TheRestOnTheNext()
    {
        _quotes.Set(Put580, 1.48m, 1.52m, T0);
        var exchange = Exchange(new PaperFillRules { MaxContractsPerFill = 2, FeePerContract = 0m });
        var order = await exchange.PlaceAsync(SellPut(-1.50m, 3), T0, CancellationToken.None);
        Assert.Equal((OrderStatus.PartiallyFilled, 2), (order.State.Status, order.State.FilledQuantity));

        await exchange.EvaluateAsync(order, T0.AddSeconds(1), CancellationToken.None);

        Assert.Equal((OrderStatus.Filled, 3), (order.State.Status, order.State.FilledQuantity));
        Assert.Equal(["o-1-1", "o-1-2"], order.State.Fills.Select(f => f.FillId));
    }

    [Fact]
    public async Task ACallLeg_OrAnUnquotedLeg_IsRejected()
    {
        var call = new OptionContract("SPY", new DateOnly(2026, 3, 20), OptionRight.Call, 600m);
        var exchange = Exchange(new PaperFillRules());

        var calls = await exchange.PlaceAsync(SellPut(null, 1) with { Legs = new([new OrderLeg(call, OrderSide.SellToOpen, 1)]) }, T0, CancellationToken.None);
        var unquoted = await exchange.PlaceAsync(SellPut(null, 1), T0, CancellationToken.None);

        Assert.Equal((OrderStatus.Rejected, "the paper broker trades puts only"), (calls.State.Status, calls.State.Reason));
        Assert.Equal((OrderStatus.Rejected, $"no two-sided quote for {Put580.OccSymbol}"), (unquoted.State.Status, unquoted.State.Reason));
    }

    private PaperExchange Exchange(PaperFillRules rules) => new(_quotes, rules);

    private static OrderTicket SellPut(decimal? limit, int quantity) =>
        new("o-1", "SPY", new([new OrderLeg(Put580, OrderSide.SellToOpen, 1)]), quantity, limit, T0);

    private sealed class Quotes : IMarketData
    {
        private readonly Dictionary<string, List<OptionQuote>> _quotes = new(StringComparer.Ordinal);

        public void Set(OptionContract contract, decimal bid, decimal ask, DateTimeOffset at)
        {
            if (!_quotes.TryGetValue(contract.OccSymbol, out var list))
            {
                _quotes[contract.OccSymbol] = list = [];
            }

            list.Add(new OptionQuote(contract, bid, ask, null, at, 590m, null, null, null));
        }

        public ValueTask<OptionQuote?> GetOptionQuoteAsync(OptionContract contract, DateTimeOffset asOf, CancellationToken cancellationToken) =>
            ValueTask.FromResult(_quotes.TryGetValue(contract.OccSymbol, out var list) ? list.LastOrDefault(q => q.Timestamp <= asOf) : null);

        public ValueTask<UnderlyingQuote?> GetUnderlyingQuoteAsync(string symbol, DateTimeOffset asOf, CancellationToken cancellationToken) =>
            ValueTask.FromResult<UnderlyingQuote?>(null);

        public ValueTask<OptionChain?> GetChainAsync(string underlying, DateTimeOffset asOf, CancellationToken cancellationToken) =>
            ValueTask.FromResult<OptionChain?>(null);
    }
}
