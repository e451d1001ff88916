using OptionsAutomation.Core.Instruments;

namespace OptionsAutomation.Core.Orders;

/// <summary>One leg of an order: <see cref="Ratio"/> contracts of this leg per unit of the order's quantity.</summary>
public sealed record OrderLeg(OptionContract Contract, OrderSide Side, int Ratio)
{
    public bool Buys => Side is OrderSide.BuyToOpen or OrderSide.BuyToClose;
}
