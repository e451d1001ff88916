using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;

namespace OptionsAutomation.Core.Proposals;

/// <summary>
/// A trade the screener found: the strategy priced at the tick-rounded mid of its legs
/// (<see cref="CreditStrategy.Credit"/>), the quotes it was priced from, and the probability of profit
/// estimated from the short put's delta (1 − |Δ|, the chance it expires out of the money).
/// </summary>
public sealed record ScreenCandidate(CreditStrategy Strategy, OptionQuote ShortQuote, OptionQuote? LongQuote, decimal ProbabilityOfProfit);
