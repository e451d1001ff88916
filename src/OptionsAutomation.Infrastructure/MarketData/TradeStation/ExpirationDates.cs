using System.Globalization;
using System.Text.Json;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Infrastructure.Brokers.TradeStation;

namespace OptionsAutomation.Infrastructure.MarketData.TradeStation;

/// <summary>
/// Listed expirations of an underlying (<c>GET /marketdata/options/expirations/{underlying}</c>), cached per New York day:
/// they change when a series lists or expires, not within a day.
/// </summary>
internal sealed class ExpirationDates(TradeStationClient client, TimeProvider clock, OnceLog problems)
{
    private readonly Dictionary<string, (DateOnly Day, IReadOnlyList<DateOnly> Dates)> _cache = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _fetch = new(1, 1);

    /// <summary>The expirations, or null when they cannot be read (logged once).</summary>
    public async Task<IReadOnlyList<DateOnly>?> OfAsync(string underlying, CancellationToken cancellationToken)
    {
        var today = MarketTime.Today(clock);
        await _fetch.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_cache.TryGetValue(underlying, out var cached) && cached.Day == today)
            {
                return cached.Dates;
            }

            var answer = await client.GetAsync<ExpirationsAnswer>(
                $"marketdata/options/expirations/{Uri.EscapeDataString(underlying)}", RateCategory.OptionExpirations, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<DateOnly> dates = [.. (answer.Expirations ?? []).Select(e => Parse(e.Date)).OfType<DateOnly>().Distinct().Order()];
            _cache[underlying] = (today, dates);
            problems.Resolved("expirations " + underlying);
            return dates;
        }
        catch (Exception e) when (e is TradeStationApiException or TimeoutException or HttpRequestException or JsonException)
        {
            problems.Warn("expirations " + underlying, $"option expirations of {underlying} failed ({e.GetType().Name}: {e.Message})");
            return null;
        }
        finally
        {
            _fetch.Release();
        }
    }

    /// <summary>
    /// <c>2025-04-17T00:00:00Z</c> is the date 2025-04-17: the calendar part is read as written. Converting the instant to
    /// New York time would make it the 16th.
    /// </summary>
    public static DateOnly? Parse(string? text) =>
        text is { Length: >= 10 } && DateOnly.TryParseExact(text.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
}
