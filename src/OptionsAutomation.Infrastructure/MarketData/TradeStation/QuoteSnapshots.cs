using System.Text.Json;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Infrastructure.Brokers.TradeStation;

namespace OptionsAutomation.Infrastructure.MarketData.TradeStation;

/// <summary>
/// Quote snapshots (<c>GET /marketdata/quotes/{symbols}</c>) of underlyings and options, cached for one tick. A question
/// the cache cannot answer fetches everything <see cref="QuoteDemand"/> expects this tick in requests of at most
/// <see cref="MaxSymbolsPerRequest"/> symbols, one fetch at a time (a second caller waits and finds the cache filled).
/// A symbol the API refuses (its <c>Errors</c> inside the 200) is remembered as unquoted for the tick.
/// </summary>
internal sealed class QuoteSnapshots(TradeStationClient client, QuoteDemand demand, TimeSpan tick, TimeProvider clock, OnceLog problems)
{
    /// <summary>The documented maximum of symbols in one quote request.</summary>
    public const int MaxSymbolsPerRequest = 100;

    private readonly Dictionary<string, Entry> _cache = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _fetch = new(1, 1);

    /// <summary>
    /// The quote of <paramref name="symbol"/> (an underlying or a TradeStation option symbol), fetched with the rest of the
    /// tick's demand unless cached; options <paramref name="covered"/> elsewhere (a fresh chain snapshot) are not fetched.
    /// Null when the API has no quote for it or cannot be reached (logged once).
    /// </summary>
    public async Task<QuoteJson?> GetAsync(string symbol, Func<OptionContract, bool> covered, CancellationToken cancellationToken)
    {
        if (Fresh(symbol, out var cached))
        {
            return cached;
        }

        await _fetch.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Fresh(symbol, out cached))
            {
                return cached;
            }

            var (underlyings, options) = await demand.WantedAsync(cancellationToken).ConfigureAwait(false);
            var wanted = underlyings.Concat(options.Where(o => !covered(o)).Select(TradeStationSymbols.ToTradeStation))
                .Where(s => s != symbol && !Fresh(s, out _))
                .Distinct(StringComparer.Ordinal)
                .Prepend(symbol)
                .ToList();
            foreach (var batch in wanted.Chunk(MaxSymbolsPerRequest))
            {
                await FetchAsync(batch, cancellationToken).ConfigureAwait(false);
            }

            return Fresh(symbol, out cached) ? cached : null;
        }
        finally
        {
            _fetch.Release();
        }
    }

    private async Task FetchAsync(string[] symbols, CancellationToken cancellationToken)
    {
        var path = "marketdata/quotes/" + string.Join(',', symbols.Select(Uri.EscapeDataString));
        QuotesAnswer answer;
        try
        {
            answer = await client.GetAsync<QuotesAnswer>(path, RateCategory.Quotes, cancellationToken).ConfigureAwait(false);
            problems.Resolved("quote snapshot");
        }
        catch (Exception e) when (e is TradeStationApiException or TimeoutException or HttpRequestException or JsonException)
        {
            // Nothing cached: the callers get null and fail closed; the next question tries again.
            problems.Warn("quote snapshot", $"quotes for {symbols.Length} symbols failed ({e.GetType().Name}: {e.Message})");
            return;
        }

        var now = clock.GetUtcNow();
        lock (_gate)
        {
            foreach (var refused in answer.Errors ?? [])
            {
                if (refused.Symbol is { } bad)
                {
                    _cache[bad] = new Entry(null, now);
                    problems.Warn("symbol " + bad, $"no quote for {bad}: {refused.Error}");
                }
            }

            foreach (var quote in answer.Quotes ?? [])
            {
                _cache[quote.Symbol] = new Entry(quote, now);
            }

            // A symbol the answer leaves out entirely is unquoted for this tick too, not asked again by every caller.
            foreach (var missing in symbols.Where(s => !_cache.TryGetValue(s, out var entry) || entry.FetchedAt != now))
            {
                _cache[missing] = new Entry(null, now);
            }
        }
    }

    private bool Fresh(string symbol, out QuoteJson? quote)
    {
        lock (_gate)
        {
            if (_cache.TryGetValue(symbol, out var entry) && clock.GetUtcNow() < entry.FetchedAt + tick)
            {
                quote = entry.Quote;
                return true;
            }

            quote = null;
            return false;
        }
    }

    private sealed record Entry(QuoteJson? Quote, DateTimeOffset FetchedAt);
}
