using OptionsAutomation.Core.Instruments;

namespace OptionsAutomation.Core.MarketData;

/// <summary>
/// Market data port. Every query is as of an instant: the last quote at or before <c>asOf</c>
/// (live sources treat it as now). Null means the source has nothing for it; callers fail closed.
/// </summary>
public interface IMarketData
{
    ValueTask<UnderlyingQuote?> GetUnderlyingQuoteAsync(string symbol, DateTimeOffset asOf, CancellationToken cancellationToken);

    ValueTask<OptionQuote?> GetOptionQuoteAsync(OptionContract contract, DateTimeOffset asOf, CancellationToken cancellationToken);

    ValueTask<OptionChain?> GetChainAsync(string underlying, DateTimeOffset asOf, CancellationToken cancellationToken);
}
