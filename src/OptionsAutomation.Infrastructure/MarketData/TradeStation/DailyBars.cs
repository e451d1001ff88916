using System.Globalization;
using System.Text.Json;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Infrastructure.Brokers.TradeStation;

namespace OptionsAutomation.Infrastructure.MarketData.TradeStation;

/// <summary>
/// Closes of past sessions from daily bars (<c>GET /marketdata/barcharts/{symbol}?interval=1&amp;unit=Daily&amp;barsback=N</c>):
/// one request per symbol per day covers the whole history window. Each bar is stamped at 16:00 New York of its date,
/// so "the close at 16:00 of that session" finds exactly that session's bar.
/// </summary>
internal sealed class DailyBars(TradeStationClient client, int barsBack, TimeProvider clock, OnceLog problems)
{
    private readonly Dictionary<string, (DateOnly Day, AsOfSeries<UnderlyingQuote> Closes)> _cache = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _fetch = new(1, 1);

    /// <summary>The last close at or before <paramref name="asOf"/>; null when there is none or the bars cannot be read (logged once).</summary>
    public async Task<UnderlyingQuote?> CloseAtAsync(string symbol, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var today = MarketTime.Today(clock);
        await _fetch.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_cache.TryGetValue(symbol, out var cached) || cached.Day != today)
            {
                if (await FetchAsync(symbol, cancellationToken).ConfigureAwait(false) is not { } closes)
                {
                    return null;
                }

                _cache[symbol] = cached = (today, closes);
            }

            return cached.Closes.At(asOf);
        }
        finally
        {
            _fetch.Release();
        }
    }

    /// <summary>
    /// A bar's session date. Daily bars are stamped at the close in UTC (<c>20:00Z</c> in summer), which New York time
    /// dates correctly; a bar stamped at midnight UTC is a bare date, which New York time would move a day back.
    /// </summary>
    public static DateOnly SessionOf(DateTimeOffset stamp) =>
        stamp.UtcDateTime.TimeOfDay == TimeSpan.Zero ? DateOnly.FromDateTime(stamp.UtcDateTime) : MarketTime.DateOf(stamp);

    private async Task<AsOfSeries<UnderlyingQuote>?> FetchAsync(string symbol, CancellationToken cancellationToken)
    {
        var path = string.Create(CultureInfo.InvariantCulture, $"marketdata/barcharts/{Uri.EscapeDataString(symbol)}?interval=1&unit=Daily&barsback={barsBack}");
        try
        {
            var answer = await client.GetAsync<BarsAnswer>(path, RateCategory.Unmetered, cancellationToken).ConfigureAwait(false);
            problems.Resolved("bars " + symbol);
            var closes = (answer.Bars ?? [])
                .Where(b => b.Close is > 0m)
                .GroupBy(b => SessionOf(b.TimeStamp))
                .Select(g => new UnderlyingQuote(symbol, g.Last().Close!.Value, null, null, EndOfDay.On(g.Key)));
            return AsOfSeries<UnderlyingQuote>.From(closes, q => q.Timestamp);
        }
        catch (Exception e) when (e is TradeStationApiException or TimeoutException or HttpRequestException or JsonException)
        {
            problems.Warn("bars " + symbol, $"daily bars of {symbol} failed ({e.GetType().Name}: {e.Message})");
            return null;
        }
    }
}
