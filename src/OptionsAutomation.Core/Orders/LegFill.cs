namespace OptionsAutomation.Core.Orders;

/// <summary>
/// One executed leg: price per share, contracts filled, the broker's fill id (unique) and the commission the broker
/// charged for it in dollars (<see cref="Fee"/>), so every stored fill carries its own share of the order's fees.
/// </summary>
public sealed record LegFill(string FillId, OrderLeg Leg, int Contracts, decimal Price, decimal Fee = 0m);
