using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;

namespace OptionsAutomation.Integration.Tests.Support;

/// <summary>Quotes a test sets per contract; as-of queries return the last one at or before the instant.</summary>
public sealed class ScriptedMarketData : IMarketData
{
    private readonly Dictionary<string, List<OptionQuote>> _options = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<UnderlyingQuote>> _underlyings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OptionChain> _chains = new(StringComparer.Ordinal);

    /// <summary>The chain <see cref="GetChainAsync"/> returns for its underlying (from its timestamp on); none unless set.</summary>
    public void Chain(OptionChain chain) => _chains[chain.Underlying] = chain;

    public void Underlying(string symbol, decimal last, DateTimeOffset at)
    {
        if (!_underlyings.TryGetValue(symbol, out var quotes))
        {
            _underlyings[symbol] = quotes = [];
        }

        quotes.Add(new UnderlyingQuote(symbol, last, null, null, at));
        quotes.Sort((a, b) => a.Timestamp.CompareTo(b.Timestamp));
    }

    public void Quote(OptionContract contract, decimal? bid, decimal? ask, DateTimeOffset at, decimal underlying = 0m, double? impliedVolatility = null, double? delta = null)
    {
        if (!_options.TryGetValue(contract.OccSymbol, out var quotes))
        {
            _options[contract.OccSymbol] = quotes = [];
        }

        quotes.Add(new OptionQuote(contract, bid, ask, null, at, underlying, impliedVolatility, delta, null));
        quotes.Sort((a, b) => a.Timestamp.CompareTo(b.Timestamp));
    }

    public ValueTask<OptionQuote?> GetOptionQuoteAsync(OptionContract contract, DateTimeOffset asOf, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_options.TryGetValue(contract.OccSymbol, out var quotes) ? quotes.LastOrDefault(q => q.Timestamp <= asOf) : null);

    public ValueTask<UnderlyingQuote?> GetUnderlyingQuoteAsync(string symbol, DateTimeOffset asOf, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_underlyings.TryGetValue(symbol, out var quotes) ? quotes.LastOrDefault(q => q.Timestamp <= asOf) : null);

    public ValueTask<OptionChain?> GetChainAsync(string underlying, DateTimeOffset asOf, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_chains.TryGetValue(underlying, out var chain) && chain.Timestamp <= asOf ? chain : null);
}
