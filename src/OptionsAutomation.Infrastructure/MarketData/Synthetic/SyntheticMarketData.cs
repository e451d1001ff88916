using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;

namespace OptionsAutomation.Infrastructure.MarketData.Synthetic;

/// <summary>
/// An invented but plausible market for running the worker without a data feed: per underlying a seeded
/// geometric Brownian motion (<see cref="PricePath"/>) whose daily moves are correlated across underlyings
/// (<see cref="CorrelatedShocks"/>), a volatility smile, and option quotes priced with
/// Black–Scholes–Merton inside a tick-rounded spread. Quotes change once a minute; a query answers with the
/// quote of the minute containing <c>asOf</c> (the last one at or before it), stamped at that minute.
/// The same seed and instant give the same quote whatever was asked before, in any order, on any thread.
/// Each underlying keeps its last minutes' spots and <see cref="ListedOptions"/> its last dates' listings, so a quote
/// after the first of its (symbol, minute) costs one Black–Scholes value and a few lookups.
/// Time runs on the calendar (nights and weekends too): there are no sessions in this market.
/// </summary>
public sealed class SyntheticMarketData : IMarketData
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(1);

    private readonly DateTimeOffset _origin;
    private readonly Dictionary<string, SyntheticUnderlying> _underlyings;

    public SyntheticMarketData(SyntheticMarketDataSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _origin = settings.Origin;
        var shocks = new CorrelatedShocks(settings);
        _underlyings = settings.Underlyings.ToDictionary(
            u => u.Key, u => new SyntheticUnderlying(u.Key, u.Value, settings.Seed, settings.RiskFreeRate, shocks.For(u.Key)), StringComparer.Ordinal);
    }

    public ValueTask<UnderlyingQuote?> GetUnderlyingQuoteAsync(string symbol, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var quote = _underlyings.TryGetValue(symbol, out var underlying) ? underlying.Quote(Minute(asOf), Stamp(asOf)) : null;
        return ValueTask.FromResult(quote);
    }

    /// <summary>
    /// Null unless the underlying is configured, the expiration is listed and not past, and the strike is on the
    /// underlying's grid. Any grid strike is quoted, not only those a chain shows now: a position opened near
    /// the money stays quotable when the spot has moved far from it.
    /// </summary>
    public ValueTask<OptionQuote?> GetOptionQuoteAsync(OptionContract contract, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contract);
        OptionQuote? quote = null;
        if (_underlyings.TryGetValue(contract.Underlying, out var underlying)
            && ListedOptions.ExpiresAt(contract.Expiration, asOf) is { } expiresAt
            && ListedStrikes.IsOnTheGrid(contract.Strike, underlying.StrikeIncrement))
        {
            quote = underlying.Option(contract, expiresAt, underlying.Spot(Minute(asOf)), Stamp(asOf));
        }

        return ValueTask.FromResult(quote);
    }

    public ValueTask<OptionChain?> GetChainAsync(string underlying, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        if (!_underlyings.TryGetValue(underlying, out var synthetic))
        {
            return ValueTask.FromResult<OptionChain?>(null);
        }

        var timestamp = Stamp(asOf);
        var spot = synthetic.Spot(Minute(asOf));
        var strikes = ListedStrikes.Around(spot, synthetic.StrikeIncrement);
        var quotes = new List<OptionQuote>();
        foreach (var expiration in ListedOptions.Expirations(asOf))
        {
            foreach (var right in (OptionRight[])[OptionRight.Put, OptionRight.Call])
            {
                quotes.AddRange(strikes.Select(k => synthetic.Option(new OptionContract(underlying, expiration.Date, right, k), expiration.ExpiresAt, spot, timestamp)));
            }
        }

        return ValueTask.FromResult<OptionChain?>(new OptionChain(underlying, spot, timestamp, quotes));
    }

    /// <summary>Whole minutes from the origin, rounded towards the past (negative before the origin).</summary>
    private long Minute(DateTimeOffset asOf)
    {
        var ticks = (asOf - _origin).Ticks;
        var minute = ticks / Step.Ticks;
        return ticks < 0 && ticks % Step.Ticks != 0 ? minute - 1 : minute;
    }

    private DateTimeOffset Stamp(DateTimeOffset asOf) => _origin.AddTicks(Minute(asOf) * Step.Ticks).ToUniversalTime();
}
