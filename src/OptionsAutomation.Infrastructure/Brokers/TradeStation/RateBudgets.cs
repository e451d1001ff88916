namespace OptionsAutomation.Infrastructure.Brokers.TradeStation;

/// <summary>
/// Client-side budgets under TradeStation's quotas, so we wait instead of provoking 429s: a fixed window opened by
/// its first request (as the rate-limiting page describes), and a request past the quota waits for the next window
/// on the injected clock. One instance per process: the quotas are per user.
/// </summary>
public sealed class RateBudgets(TimeProvider clock)
{
    private readonly Dictionary<RateCategory, Window> _windows = [];
    private readonly Lock _gate = new();

    /// <summary>Documented quota per category; null = none documented.</summary>
    public static (int Requests, TimeSpan Per)? QuotaOf(RateCategory category) => category switch
    {
        RateCategory.Accounts or RateCategory.Balances or RateCategory.Positions or RateCategory.Orders => (250, TimeSpan.FromMinutes(5)),
        RateCategory.Quotes => (30, TimeSpan.FromMinutes(1)),
        RateCategory.OptionExpirations or RateCategory.OptionStrikes or RateCategory.OptionSpreadTypes or RateCategory.OptionRiskReward => (90, TimeSpan.FromMinutes(1)),
        RateCategory.QuoteStreams => (500, TimeSpan.FromMinutes(5)),
        RateCategory.OptionChainStreams => (90, TimeSpan.FromMinutes(1)),
        _ => null,
    };

    /// <summary>Takes one request of <paramref name="category"/>'s budget, waiting for the next window when it is spent.</summary>
    public async Task WaitAsync(RateCategory category, CancellationToken cancellationToken)
    {
        if (QuotaOf(category) is not { } quota)
        {
            return;
        }

        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = clock.GetUtcNow();
                if (!_windows.TryGetValue(category, out var window) || now >= window.Start + quota.Per)
                {
                    window = new Window(now, 0);
                }

                if (window.Used < quota.Requests)
                {
                    _windows[category] = window with { Used = window.Used + 1 };
                    return;
                }

                _windows[category] = window;
                wait = window.Start + quota.Per - now;
            }

            await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Requests left in the current window, for tests and status.</summary>
    public int? Remaining(RateCategory category)
    {
        if (QuotaOf(category) is not { } quota)
        {
            return null;
        }

        lock (_gate)
        {
            return _windows.TryGetValue(category, out var window) && clock.GetUtcNow() < window.Start + quota.Per
                ? quota.Requests - window.Used
                : quota.Requests;
        }
    }

    private sealed record Window(DateTimeOffset Start, int Used);
}
