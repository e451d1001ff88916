using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Orders;

/// <summary>
/// One executed leg as stored in <c>fills</c>: the broker's fill id, the contract, buy or sell, contracts, price per
/// share, its commission in dollars (<see cref="Fee"/>), when it filled and the order it belongs to (null for a fill
/// no recorded order claims).
/// </summary>
public sealed record OrderFillRecord(
    string BrokerFillId, string Symbol, FillSide Side, int Quantity, decimal Price, decimal Fee, DateTimeOffset FilledAt, string? ClientOrderId);
