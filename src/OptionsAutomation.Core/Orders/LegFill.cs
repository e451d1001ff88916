namespace OptionsAutomation.Core.Orders;

/// <summary>One executed leg: price per share, contracts filled, the broker's fill id (unique).</summary>
public sealed record LegFill(string FillId, OrderLeg Leg, int Contracts, decimal Price);
