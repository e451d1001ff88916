using System.Globalization;
using Microsoft.Extensions.Logging;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Brokers.TradeStation;

namespace OptionsAutomation.Infrastructure.MarketData.TradeStation;

/// <summary>
/// Market data from TradeStation's API (<c>MarketData:Provider=tradestation</c>), over the connection the broker uses.
/// Live questions (an <c>asOf</c> today) are answered from quote snapshots and chain snapshots cached for a tick; a
/// question about a past session from that session's daily bar (underlyings only: the API keeps no past option quotes,
/// so those answer null). Quotes keep the API's trade time, so a quote that stopped moving ages and goes stale as with
/// any other source. Failures answer null (logged once) and the callers fail closed; a missing or refused sign-in throws.
/// </summary>
public sealed class TradeStationMarketData : IMarketData
{
    private readonly TimeProvider _clock;
    private readonly OnceLog _problems;
    private readonly QuoteDemand _demand;
    private readonly QuoteSnapshots _quotes;
    private readonly DailyBars _bars;
    private readonly ExpirationDates _expirations;
    private readonly ChainSnapshots _chains;
    private readonly int _maxChainDays;

    /// <param name="watchlist">Tickers fetched with every underlying quote request (the proposal watchlist).</param>
    /// <param name="positions">Open positions, whose tickers and legs are fetched together; null to batch only what was asked.</param>
    public TradeStationMarketData(
        TradeStationClient client,
        TradeStationSettings connection,
        TradeStationMarketDataSettings settings,
        IReadOnlyCollection<string> watchlist,
        IPositionStore? positions,
        TimeProvider clock,
        ILogger<TradeStationMarketData> logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _clock = clock;
        _problems = new OnceLog(logger);
        var tick = TimeSpan.FromSeconds(settings.CacheSeconds);
        _demand = new QuoteDemand(watchlist, positions, tick, clock, _problems);
        _quotes = new QuoteSnapshots(client, _demand, tick, clock, _problems);
        _bars = new DailyBars(client, settings.HistoryBars, clock, _problems);
        _expirations = new ExpirationDates(client, clock, _problems);
        _chains = new ChainSnapshots(client, connection, settings, clock, _problems);
        _maxChainDays = settings.MaxChainDays;
    }

    public async ValueTask<UnderlyingQuote?> GetUnderlyingQuoteAsync(string symbol, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        if (IsPastSession(asOf))
        {
            return await _bars.CloseAtAsync(symbol, asOf, cancellationToken).ConfigureAwait(false);
        }

        _demand.Asked(symbol);
        return UnderlyingOf(symbol, await _quotes.GetAsync(symbol, Covered, cancellationToken).ConfigureAwait(false));
    }

    public async ValueTask<OptionQuote?> GetOptionQuoteAsync(OptionContract contract, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contract);
        if (IsPastSession(asOf))
        {
            return null;
        }

        _demand.Asked(contract);
        if (_chains.Cached(contract) is { } fromChain)
        {
            return fromChain;
        }

        // The option's symbol goes first; its underlying rides in the same request (it is part of the demand).
        var quote = await _quotes.GetAsync(TradeStationSymbols.ToTradeStation(contract), Covered, cancellationToken).ConfigureAwait(false);
        if (quote is null)
        {
            return null;
        }

        var spot = UnderlyingOf(contract.Underlying, await _quotes.GetAsync(contract.Underlying, Covered, cancellationToken).ConfigureAwait(false));
        return spot is null
            ? null
            : new OptionQuote(
                contract,
                ChainSnapshots.Price(quote.Bid),
                ChainSnapshots.Price(quote.Ask),
                ChainSnapshots.Price(quote.Last),
                spot.Timestamp,
                spot.Last,
                null,
                null,
                quote.DailyOpenInterest is { } interest ? (long)interest : null);
    }

    public async ValueTask<OptionChain?> GetChainAsync(string underlying, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        if (IsPastSession(asOf))
        {
            _problems.Warn("past chains", $"TradeStation keeps no past option chains: no chain of {underlying} as of {asOf:O} (nor of any other past instant)");
            return null;
        }

        if (await GetUnderlyingQuoteAsync(underlying, asOf, cancellationToken).ConfigureAwait(false) is not { } spot
            || await _expirations.OfAsync(underlying, cancellationToken).ConfigureAwait(false) is not { } expirations)
        {
            return null;
        }

        var today = MarketTime.Today(_clock);
        var wanted = expirations.Where(e => e >= today && e <= today.AddDays(_maxChainDays)).ToList();
        var read = await Task.WhenAll(wanted.Select(e => _chains.ReadAsync(underlying, e, spot, cancellationToken))).ConfigureAwait(false);

        // An expiration whose snapshot failed is left out (logged); with none read there is no chain at all.
        if (wanted.Count > 0 && read.All(r => r is null))
        {
            return null;
        }

        return new OptionChain(underlying, spot.Last, spot.Timestamp, [.. read.OfType<IReadOnlyCollection<OptionQuote>>().SelectMany(q => q).OrderBy(q => q.Contract.Expiration).ThenBy(q => q.Contract.Strike)]);
    }

    private bool IsPastSession(DateTimeOffset asOf) => MarketTime.DateOf(asOf) < MarketTime.Today(_clock);

    private bool Covered(OptionContract contract) => _chains.Cached(contract) is not null;

    private UnderlyingQuote? UnderlyingOf(string symbol, QuoteJson? quote)
    {
        if (quote is not { Last: > 0m } || !DateTimeOffset.TryParse(quote.TradeTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var traded))
        {
            return null;
        }

        return new UnderlyingQuote(symbol, quote.Last.Value, ChainSnapshots.Price(quote.Bid), ChainSnapshots.Price(quote.Ask), traded.ToUniversalTime());
    }
}
