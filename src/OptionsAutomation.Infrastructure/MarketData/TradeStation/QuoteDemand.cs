using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Trading;

namespace OptionsAutomation.Infrastructure.MarketData.TradeStation;

/// <summary>
/// What the worker is about to ask, so that one quote request answers a whole tick instead of one request per question:
/// the watchlist tickers, the tickers and legs of open positions (read from the position store at most once per tick),
/// and whatever was asked within <see cref="RecentWindow"/>. The exit sweep asks one leg at a time; knowing the held
/// legs up front is what makes its first question fetch them all.
/// </summary>
internal sealed class QuoteDemand(IReadOnlyCollection<string> watchlist, IPositionStore? positions, TimeSpan tick, TimeProvider clock, OnceLog problems)
{
    /// <summary>A symbol asked this recently is fetched along with the others.</summary>
    public static readonly TimeSpan RecentWindow = TimeSpan.FromHours(1);

    private readonly Dictionary<string, DateTimeOffset> _underlyings = new(StringComparer.Ordinal);
    private readonly Dictionary<OptionContract, DateTimeOffset> _options = [];
    private readonly Lock _gate = new();
    private Held? _held;

    public void Asked(string symbol)
    {
        lock (_gate)
        {
            _underlyings[symbol] = clock.GetUtcNow();
        }
    }

    public void Asked(OptionContract contract)
    {
        lock (_gate)
        {
            _options[contract] = clock.GetUtcNow();
        }
    }

    /// <summary>Every underlying and option worth fetching now.</summary>
    public async Task<(IReadOnlyList<string> Underlyings, IReadOnlyList<OptionContract> Options)> WantedAsync(CancellationToken cancellationToken)
    {
        var held = await HeldAsync(cancellationToken).ConfigureAwait(false);
        var since = clock.GetUtcNow() - RecentWindow;
        lock (_gate)
        {
            var underlyings = watchlist.Concat(held.Tickers).Concat(_underlyings.Where(u => u.Value >= since).Select(u => u.Key));
            var options = held.Legs.Concat(_options.Where(o => o.Value >= since).Select(o => o.Key)).Distinct().ToList();
            return ([.. underlyings.Concat(options.Select(o => o.Underlying)).Distinct(StringComparer.Ordinal)], options);
        }
    }

    private async Task<Held> HeldAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (positions is null || (_held is { } cached && now < cached.ReadAt + tick))
        {
            return _held ?? new Held([], [], now);
        }

        try
        {
            var open = await positions.ListAsync(PositionStatusFilter.Open, null, cancellationToken).ConfigureAwait(false);
            _held = new Held(
                [.. open.Select(p => p.Ticker).Distinct(StringComparer.Ordinal)],
                [.. open.Where(p => p.IsOption).SelectMany(p => p.Legs.Select(l => l.Contract)).Distinct()],
                now);
            problems.Resolved("open positions");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Batching is an economy, not a requirement: without the positions each question is still answered.
            problems.Warn("open positions", $"cannot read the open positions to batch their quotes ({e.GetType().Name}: {e.Message})");
            _held = new Held([], [], now);
        }

        return _held;
    }

    private sealed record Held(IReadOnlyList<string> Tickers, IReadOnlyList<OptionContract> Legs, DateTimeOffset ReadAt);
}
