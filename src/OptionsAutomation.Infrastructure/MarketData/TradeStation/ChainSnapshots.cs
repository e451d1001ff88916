using System.Globalization;
using System.Net;
using System.Text.Json;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Infrastructure.Brokers.TradeStation;

namespace OptionsAutomation.Infrastructure.MarketData.TradeStation;

/// <summary>
/// One expiration's chain as a snapshot: open <c>GET /marketdata/stream/options/chains/{underlying}</c>, read the spread
/// objects up to <c>{"StreamStatus":"EndSnapshot"}</c>, close. Heartbeats are skipped. A <c>GoAway</c>, a stream that ends
/// or drops early, or a 429 reconnects once (after the asked wait); a stream error, silence
/// (<c>Broker:TradeStation:StreamInactivitySeconds</c>) or no end within <see cref="TradeStationMarketDataSettings.ChainTimeoutSeconds"/>
/// gives up: the expiration is left out this tick (logged once) and the next tick tries again. Snapshots are cached for a
/// tick, so the exit sweep's leg quotes come from them when they cover the strike. At most
/// <see cref="TradeStationMarketDataSettings.MaxConcurrentChainStreams"/> streams are open at once (the API allows 10).
/// </summary>
internal sealed class ChainSnapshots
{
    private readonly TradeStationClient _client;
    private readonly TradeStationMarketDataSettings _settings;
    private readonly TimeSpan _inactivity;
    private readonly TimeSpan _tick;
    private readonly TimeProvider _clock;
    private readonly OnceLog _problems;
    private readonly SemaphoreSlim _streams;
    private readonly Dictionary<(string Underlying, DateOnly Expiration), Snapshot> _cache = [];
    private readonly Lock _gate = new();

    public ChainSnapshots(TradeStationClient client, TradeStationSettings connection, TradeStationMarketDataSettings settings, TimeProvider clock, OnceLog problems)
    {
        _client = client;
        _settings = settings;
        _inactivity = TimeSpan.FromSeconds(connection.StreamInactivitySeconds);
        _tick = TimeSpan.FromSeconds(settings.CacheSeconds);
        _clock = clock;
        _problems = problems;
        _streams = new SemaphoreSlim(settings.MaxConcurrentChainStreams, settings.MaxConcurrentChainStreams);
    }

    /// <summary>The quote of <paramref name="contract"/> from a snapshot read within the tick; null when none covers it.</summary>
    public OptionQuote? Cached(OptionContract contract)
    {
        lock (_gate)
        {
            return _cache.TryGetValue((contract.Underlying, contract.Expiration), out var snapshot)
                && _clock.GetUtcNow() < snapshot.ReadAt + _tick
                && snapshot.Quotes.TryGetValue(contract, out var quote)
                ? quote
                : null;
        }
    }

    private IReadOnlyCollection<OptionQuote>? Fresh(string underlying, DateOnly expiration)
    {
        lock (_gate)
        {
            return _cache.TryGetValue((underlying, expiration), out var fresh) && _clock.GetUtcNow() < fresh.ReadAt + _tick
                ? [.. fresh.Quotes.Values]
                : null;
        }
    }

    /// <summary>The expiration's quotes, priced against <paramref name="spot"/>; null when no complete snapshot could be read.</summary>
    public async Task<IReadOnlyCollection<OptionQuote>?> ReadAsync(string underlying, DateOnly expiration, UnderlyingQuote spot, CancellationToken cancellationToken)
    {
        if (Fresh(underlying, expiration) is { } cached)
        {
            return cached;
        }

        var key = string.Create(CultureInfo.InvariantCulture, $"chain {underlying} {expiration:yyyy-MM-dd}");
        await _streams.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // A caller that waited for a stream slot may find the snapshot another caller just read: no second stream.
            if (Fresh(underlying, expiration) is { } readMeanwhile)
            {
                return readMeanwhile;
            }

            for (var attempt = 1; ; attempt++)
            {
                var outcome = await ReadOnceAsync(underlying, expiration, spot, cancellationToken).ConfigureAwait(false);
                if (outcome.Quotes is { } quotes)
                {
                    lock (_gate)
                    {
                        _cache[(underlying, expiration)] = new Snapshot(quotes, _clock.GetUtcNow());
                    }

                    _problems.Resolved(key);
                    return [.. quotes.Values];
                }

                if (!outcome.Reconnect || attempt == 2)
                {
                    _problems.Warn(key, $"{key} left out: {outcome.Problem}");
                    return null;
                }

                await Task.Delay(outcome.Wait, _clock, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _streams.Release();
        }
    }

    private async Task<Outcome> ReadOnceAsync(string underlying, DateOnly expiration, UnderlyingQuote spot, CancellationToken cancellationToken)
    {
        var path = string.Create(CultureInfo.InvariantCulture,
            $"marketdata/stream/options/chains/{Uri.EscapeDataString(underlying)}?expiration={expiration:MM-dd-yyyy}&strikeProximity={_settings.StrikeProximity}" +
            $"&optionType={_settings.OptionType}&spreadType=Single&enableGreeks=true");
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(_settings.ChainTimeoutSeconds), _clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            using var response = await _client.OpenStreamAsync(path, RateCategory.OptionChainStreams, linked.Token).ConfigureAwait(false);
            await using var body = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
            var reader = new TradeStationStreamReader(body, _inactivity, _clock);
            var quotes = new Dictionary<OptionContract, OptionQuote>();
            await foreach (var message in reader.ReadAllAsync(linked.Token).ConfigureAwait(false))
            {
                switch (message.Kind)
                {
                    case StreamMessageKind.Data when OptionQuoteOf(message.Deserialize<SpreadJson>(), spot) is { } quote:
                        quotes[quote.Contract] = quote;
                        break;
                    case StreamMessageKind.EndSnapshot:
                        return Outcome.Complete(quotes);
                    case StreamMessageKind.GoAway:
                        return Outcome.Retry("the server sent GoAway", TimeSpan.Zero);
                    case StreamMessageKind.Error:
                        return Outcome.GiveUp($"the stream failed: {message.ErrorText}");
                    default:
                        // Heartbeats, and objects that are not a single option of this chain.
                        break;
                }
            }

            return Outcome.Retry("the stream ended before its snapshot was complete", TimeSpan.Zero);
        }
        catch (TradeStationApiException e) when (e.Status == HttpStatusCode.TooManyRequests)
        {
            return Outcome.Retry("rate limited (429)", e.RetryAfter is { } wait && wait <= TimeSpan.FromSeconds(_settings.ChainTimeoutSeconds) ? wait : TimeSpan.FromSeconds(1));
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return Outcome.Retry($"the connection dropped ({e.Message})", TimeSpan.Zero);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Outcome.GiveUp($"no EndSnapshot within {_settings.ChainTimeoutSeconds} s");
        }
        catch (Exception e) when (e is TradeStationApiException or TimeoutException or JsonException)
        {
            return Outcome.GiveUp($"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>
    /// A single option's spread object as a quote. A negative bid or ask (spread prices may be negative; a single option's
    /// never is) is no price at all. Timestamped with the underlying's quote: the option's own last trade can be hours old
    /// while its bid and ask are live, and a feed that stopped shows in the underlying's trade time.
    /// </summary>
    public static OptionQuote? OptionQuoteOf(SpreadJson spread, UnderlyingQuote spot)
    {
        if (spread.Legs is not [{ Symbol: var symbol }] || !TradeStationSymbols.TryParse(symbol, out var contract))
        {
            return null;
        }

        return new OptionQuote(
            contract,
            Price(spread.Bid),
            Price(spread.Ask),
            Price(spread.Last),
            spot.Timestamp,
            spot.Last,
            spread.ImpliedVolatility is { } iv ? (double)iv : null,
            spread.Delta is { } delta ? (double)delta : null,
            spread.DailyOpenInterest is { } interest ? (long)interest : null);
    }

    internal static decimal? Price(decimal? value) => value is >= 0m ? value : null;

    private sealed record Snapshot(IReadOnlyDictionary<OptionContract, OptionQuote> Quotes, DateTimeOffset ReadAt);

    private sealed record Outcome(IReadOnlyDictionary<OptionContract, OptionQuote>? Quotes, bool Reconnect, string Problem, TimeSpan Wait)
    {
        public static Outcome Complete(IReadOnlyDictionary<OptionContract, OptionQuote> quotes) => new(quotes, false, "", TimeSpan.Zero);

        public static Outcome Retry(string problem, TimeSpan wait) => new(null, true, problem, wait);

        public static Outcome GiveUp(string problem) => new(null, false, problem, TimeSpan.Zero);
    }
}
