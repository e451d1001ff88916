using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;

namespace OptionsAutomation.Integration.Tests.Risk;

/// <summary>Quotes that count the asks for an underlying's quote as of a date before <paramref name="today"/> (a past session's close).</summary>
internal sealed class CountingPastCloses(IMarketData quotes, DateOnly today) : IMarketData
{
    public int PastCloses { get; set; }

    public ValueTask<UnderlyingQuote?> GetUnderlyingQuoteAsync(string symbol, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        PastCloses += MarketTime.DateOf(asOf) < today ? 1 : 0;
        return quotes.GetUnderlyingQuoteAsync(symbol, asOf, cancellationToken);
    }

    public ValueTask<OptionQuote?> GetOptionQuoteAsync(OptionContract contract, DateTimeOffset asOf, CancellationToken cancellationToken) =>
        quotes.GetOptionQuoteAsync(contract, asOf, cancellationToken);

    public ValueTask<OptionChain?> GetChainAsync(string underlying, DateTimeOffset asOf, CancellationToken cancellationToken) =>
        quotes.GetChainAsync(underlying, asOf, cancellationToken);
}
