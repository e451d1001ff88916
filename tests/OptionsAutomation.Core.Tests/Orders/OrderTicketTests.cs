using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Tests.Support;

namespace OptionsAutomation.Core.Tests.Orders;

public sealed class OrderTicketTests
{
    private static readonly DateTimeOffset AsOf = TestQuotes.Now;

    [Fact]
    public void ToClose_Csp_BuysBackTheShortPut()
    {
        var position = PositionBuilder.Csp("SPY", 580m, 1.50m).Build();

        var ticket = OrderTicket.ToClose(position, "close-1-profit_target", AsOf);

        Assert.Equal("close-1-profit_target", ticket.ClientOrderId);
        Assert.Equal("SPY", ticket.Underlying);
        Assert.Equal(1, ticket.Quantity);
        Assert.Null(ticket.LimitPrice);
        Assert.Equal(AsOf, ticket.AsOf);
        var leg = Assert.Single(ticket.Legs);
        Assert.Equal(new OptionContract("SPY", TestDates.Expiration, OptionRight.Put, 580m), leg.Contract);
        Assert.Equal(OrderSide.BuyToClose, leg.Side);
        Assert.Equal(1, leg.Ratio);
        Assert.True(leg.Buys);
    }

    [Fact]
    public void ToClose_Vpc_BuysTheShortAndSellsTheLong()
    {
        var position = PositionBuilder.Vpc("SPY", 580m, 575m, 1.50m).Build();

        var ticket = OrderTicket.ToClose(position, "c-2", AsOf);

        Assert.Equal(
            [
                new OrderLeg(new OptionContract("SPY", TestDates.Expiration, OptionRight.Put, 580m), OrderSide.BuyToClose, 1),
                new OrderLeg(new OptionContract("SPY", TestDates.Expiration, OptionRight.Put, 575m), OrderSide.SellToClose, 1),
            ],
            ticket.Legs);
        Assert.True(ticket.Legs[0].Buys);
        Assert.False(ticket.Legs[1].Buys);
    }

    [Fact]
    public void ToClose_KeepsTheLegOrder_EvenWhenTheLongLegComesFirst()
    {
        var vpc = PositionBuilder.Vpc("SPY", 580m, 575m, 1.50m).Build();
        var position = vpc with { Legs = new([vpc.Legs[1], vpc.Legs[0]]) };

        var ticket = OrderTicket.ToClose(position, "c-3", AsOf);

        Assert.Equal([OrderSide.SellToClose, OrderSide.BuyToClose], ticket.Legs.Select(l => l.Side));
        Assert.Equal([575m, 580m], ticket.Legs.Select(l => l.Contract.Strike));
    }

    [Fact]
    public void ToClose_KeepsLegRatios()
    {
        var vpc = PositionBuilder.Vpc("SPY", 580m, 575m, 1.50m).Build();
        var position = vpc with { Legs = new([vpc.Legs[0], vpc.Legs[1] with { Ratio = 2 }]) };

        var ticket = OrderTicket.ToClose(position, "c-4", AsOf);

        Assert.Equal([1, 2], ticket.Legs.Select(l => l.Ratio));
    }

    [Fact]
    public void ToClose_QuantityIsThePositionQuantity()
    {
        var position = PositionBuilder.Vpc("IWM", 200m, 195m, 1.25m).WithQuantity(7).Build();

        var ticket = OrderTicket.ToClose(position, "c-5", AsOf);

        Assert.Equal(7, ticket.Quantity);
        Assert.Equal("IWM", ticket.Underlying);
        Assert.All(ticket.Legs, l => Assert.Equal(1, l.Ratio));
    }

    [Fact]
    public void ToClose_SameInputs_GiveEqualTickets()
    {
        var position = PositionBuilder.Vpc().Build();

        Assert.Equal(OrderTicket.ToClose(position, "c-6", AsOf), OrderTicket.ToClose(position, "c-6", AsOf));
    }

    [Theory]
    [InlineData(OrderSide.BuyToOpen, true)]
    [InlineData(OrderSide.BuyToClose, true)]
    [InlineData(OrderSide.SellToOpen, false)]
    [InlineData(OrderSide.SellToClose, false)]
    public void OrderLeg_Buys_FollowsTheSide(OrderSide side, bool buys)
    {
        var leg = new OrderLeg(new OptionContract("SPY", TestDates.Expiration, OptionRight.Put, 580m), side, 1);

        Assert.Equal(buys, leg.Buys);
    }

    [Fact]
    public void ToClose_DoesNotChangeThePosition()
    {
        var position = PositionBuilder.Vpc().Build();
        var copy = position with { };

        _ = OrderTicket.ToClose(position, "c-7", AsOf);

        Assert.Equal(copy, position);
        Assert.Equal(PositionStatus.Open, position.Status);
    }
}
