using OptionsAutomation.Core.Instruments;

namespace OptionsAutomation.Core.Reconciliation;

/// <summary>
/// What our open positions hold in one option: contracts (negative when short) and the average price per share of the
/// fills that opened them; null for positions recorded by hand without fills (then only the quantity is compared).
/// </summary>
public sealed record Holding(OptionContract Contract, int Contracts, decimal? AveragePrice);
