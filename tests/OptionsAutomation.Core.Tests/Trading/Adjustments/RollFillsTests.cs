using OptionsAutomation.Core;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Trading.Adjustments;

namespace OptionsAutomation.Core.Tests.Trading.Adjustments;

public sealed class RollFillsTests
{
    private static readonly DateTimeOffset At = new(2026, 2, 27, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheClosingLegsGiveTheDebit_TheOpeningLegsTheCredit_EachWithItsOwnCommissions()
    {
        // Three units filled in two parts: the old 580/575 closed for (1.05 − 0.45) and (1.10 − 0.45), the new opened for
        // (2.05 − 0.95) and (2.00 − 0.95). Per share: debit (0.60 × 2 + 0.65) / 3 = 0.6167, credit (1.10 × 2 + 1.05) / 3 = 1.0833.
        var outcome = Filled(3, 0.05m,
            Fill("a", OrderSide.BuyToClose, March(580m), 2, 1.05m, 1.30m), Fill("b", OrderSide.SellToClose, March(575m), 2, 0.45m, 1.30m),
            Fill("c", OrderSide.SellToOpen, April(580m), 2, 2.05m, 1.30m), Fill("d", OrderSide.BuyToOpen, April(575m), 2, 0.95m, 1.30m),
            Fill("e", OrderSide.BuyToClose, March(580m), 1, 1.10m, 0.65m), Fill("f", OrderSide.SellToClose, March(575m), 1, 0.45m, 0.65m),
            Fill("g", OrderSide.SellToOpen, April(580m), 1, 2.00m, 0.65m), Fill("h", OrderSide.BuyToOpen, April(575m), 1, 0.95m, 0.65m));

        var fills = RollFills.Of(outcome);

        Assert.Equal((0.6167m, 1.0833m), (fills.ClosingDebit, fills.OpeningCredit));
        // The broker's 0.05 beyond the leg fees goes with the new position: 3.90 + 0.05.
        Assert.Equal((3.90m, 3.95m), (fills.ClosingFees, fills.OpeningFees));
        Assert.Equal(["a", "b", "e", "f"], fills.Closing.Select(f => f.FillId));
        Assert.Equal(["c", "d", "g", "h"], fills.Opening.Select(f => f.FillId));
        Assert.Null(fills.Problem);
    }

    [Fact]
    public void OldLegsClosedForACredit_OrNewLegsOpenedForADebit_CannotBeBooked()
    {
        var crossedClose = RollFills.Of(Filled(1, 0m,
            Fill("a", OrderSide.BuyToClose, March(580m), 1, 0.40m), Fill("b", OrderSide.SellToClose, March(575m), 1, 0.45m),
            Fill("c", OrderSide.SellToOpen, April(580m), 1, 2.05m), Fill("d", OrderSide.BuyToOpen, April(575m), 1, 0.95m)));
        var debitOpen = RollFills.Of(Filled(1, 0m,
            Fill("a", OrderSide.BuyToClose, March(580m), 1, 1.05m), Fill("b", OrderSide.SellToClose, March(575m), 1, 0.45m),
            Fill("c", OrderSide.SellToOpen, April(580m), 1, 0.90m), Fill("d", OrderSide.BuyToOpen, April(575m), 1, 0.95m)));

        Assert.Equal("the old legs closed for a credit (-0.05)", crossedClose.Problem);
        Assert.Equal("the new legs opened for a debit (0.05)", debitOpen.Problem);
    }

    private static OptionContract March(decimal strike) => new("SPY", new DateOnly(2026, 3, 20), OptionRight.Put, strike);

    private static OptionContract April(decimal strike) => new("SPY", new DateOnly(2026, 4, 17), OptionRight.Put, strike);

    private static LegFill Fill(string id, OrderSide side, OptionContract contract, int contracts, decimal price, decimal fee = 0m) =>
        new(id, new OrderLeg(contract, side, 1), contracts, price, fee);

    private static OrderState Filled(int units, decimal extraFee, params LegFill[] fills) =>
        new("roll-1", OrderStatus.Filled, units, units, null, fills.Sum(f => f.Fee) + extraFee, new ValueList<LegFill>(fills), "b-1", null, At);
}
