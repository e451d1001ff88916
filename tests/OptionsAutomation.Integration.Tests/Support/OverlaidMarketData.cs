using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;

namespace OptionsAutomation.Integration.Tests.Support;

/// <summary>
/// Another market with quotes a test lays over it per contract: from a scripted quote's time on, that contract is quoted
/// as scripted (its latest scripted quote at or before the instant); everything else, and any earlier instant, is the
/// inner market's.
/// </summary>
public sealed class OverlaidMarketData(IMarketData inner) : IMarketData
{
    private readonly Dictionary<string, List<OptionQuote>> _overlays = new(StringComparer.Ordinal);

    /// <summary>From <paramref name="at"/> on the contract is quoted <paramref name="bid"/>/<paramref name="ask"/> (null: no such side).</summary>
    public void Quote(OptionContract contract, decimal? bid, decimal? ask, DateTimeOffset at)
    {
        if (!_overlays.TryGetValue(contract.OccSymbol, out var quotes))
        {
            _overlays[contract.OccSymbol] = quotes = [];
        }

        quotes.Add(new OptionQuote(contract, bid, ask, null, at, 0m, null, null, null));
        quotes.Sort((a, b) => a.Timestamp.CompareTo(b.Timestamp));
    }

    public ValueTask<OptionQuote?> GetOptionQuoteAsync(OptionContract contract, DateTimeOffset asOf, CancellationToken cancellationToken) =>
        _overlays.TryGetValue(contract.OccSymbol, out var quotes) && quotes.LastOrDefault(q => q.Timestamp <= asOf) is { } scripted
            ? ValueTask.FromResult<OptionQuote?>(scripted)
            : inner.GetOptionQuoteAsync(contract, asOf, cancellationToken);

    public ValueTask<UnderlyingQuote?> GetUnderlyingQuoteAsync(string symbol, DateTimeOffset asOf, CancellationToken cancellationToken) =>
        inner.GetUnderlyingQuoteAsync(symbol, asOf, cancellationToken);

    public ValueTask<OptionChain?> GetChainAsync(string underlying, DateTimeOffset asOf, CancellationToken cancellationToken) =>
        inner.GetChainAsync(underlying, asOf, cancellationToken);
}
