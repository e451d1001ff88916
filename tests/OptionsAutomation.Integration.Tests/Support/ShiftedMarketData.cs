using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;

namespace OptionsAutomation.Integration.Tests.Support;

/// <summary>Another market's quotes, with every option bid and ask lowered by <paramref name="shift"/> as of any instant after <paramref name="after"/>.</summary>
public sealed class ShiftedMarketData(IMarketData inner, DateTimeOffset after, decimal shift) : IMarketData
{
    public async ValueTask<OptionQuote?> GetOptionQuoteAsync(OptionContract contract, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var quote = await inner.GetOptionQuoteAsync(contract, asOf, cancellationToken);
        return asOf > after && quote is not null ? quote with { Bid = quote.Bid - shift, Ask = quote.Ask - shift } : quote;
    }

    public ValueTask<UnderlyingQuote?> GetUnderlyingQuoteAsync(string symbol, DateTimeOffset asOf, CancellationToken cancellationToken) =>
        inner.GetUnderlyingQuoteAsync(symbol, asOf, cancellationToken);

    public ValueTask<OptionChain?> GetChainAsync(string underlying, DateTimeOffset asOf, CancellationToken cancellationToken) =>
        inner.GetChainAsync(underlying, asOf, cancellationToken);
}
