namespace OptionsAutomation.Core.Orders.Paper;

/// <summary>One leg's two-sided quote at the moment a paper order is evaluated.</summary>
public sealed record LegQuote(OrderLeg Leg, decimal Bid, decimal Ask)
{
    public decimal Mid => (Bid + Ask) / 2m;
}
