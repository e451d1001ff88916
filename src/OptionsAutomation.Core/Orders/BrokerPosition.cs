using OptionsAutomation.Core.Instruments;

namespace OptionsAutomation.Core.Orders;

/// <summary>A holding at the broker: contracts held (negative when short) and the average price per share paid or received.</summary>
public sealed record BrokerPosition(OptionContract Contract, int Contracts, decimal AveragePrice);
