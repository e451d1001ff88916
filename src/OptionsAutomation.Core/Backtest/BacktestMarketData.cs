using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;

namespace OptionsAutomation.Core.Backtest;

/// <summary>
/// The market a backtest trades on, built from end-of-day history. A query as of an instant answers with the last
/// session whose quote time (<see cref="QuoteTime"/>) is at or before it: the underlying's close from the bars, and
/// the option chain of that session — the real one where <paramref name="realChains"/> has a chain dated that session,
/// else <see cref="SyntheticChainModel"/> from the close, VIX and rate. A single option is taken from the real chain when
/// it lists that contract that day, else priced on demand by the model (a real chain lists 10 puts a day, so a leg
/// opened on one day is often missing on the next); on its expiration day, at its intrinsic value. Every quote is stamped at the session's quote time, so the worker's
/// own freshness rules (<c>ExitRules:MaxMarkAgeMinutes</c>, <c>Risk:MaxQuoteAgeMinutes</c>) hold in the minutes after it.
/// Only <paramref name="underlying"/> is known; single-threaded, like the in-memory book it serves.
/// </summary>
public sealed class BacktestMarketData(
    MarketHistory history, SyntheticChainModel model, NyseCalendar calendar, string underlying, IMarketData? realChains) : IMarketData
{
    /// <summary>How long before the close an end-of-day quote is taken to be the market (see docs/backtest.md).</summary>
    public static readonly TimeSpan BeforeClose = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The open interest a synthetic quote states. History has none, and the screen's <c>Proposals:MinOpenInterest</c>
    /// would refuse every synthetic day on a missing figure; SPY's listed strikes near the money carry thousands of
    /// contracts, so the filter is taken as passed (stated in every report's assumptions).
    /// </summary>
    public const long SyntheticOpenInterest = 10_000;

    private readonly Dictionary<DateOnly, bool> _real = [];
    private (DateOnly Date, OptionChain? Chain)? _chain;

    /// <summary>Whether <paramref name="session"/> trades on the real chain (else on the synthetic one).</summary>
    public ValueTask<bool> IsRealAsync(TradingSession session, CancellationToken cancellationToken) =>
        realChains is null ? ValueTask.FromResult(false) : IsRealCachedAsync(session, cancellationToken);

    /// <summary>When a session's end-of-day quotes are taken to be the market: <see cref="BeforeClose"/> before its close.</summary>
    public static DateTimeOffset QuoteTime(TradingSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Close - BeforeClose;
    }

    public ValueTask<UnderlyingQuote?> GetUnderlyingQuoteAsync(string symbol, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        if (!Known(symbol) || SessionAsOf(asOf) is not { } session || history.DayOn(session.Date) is not { } day)
        {
            return ValueTask.FromResult<UnderlyingQuote?>(null);
        }

        return ValueTask.FromResult<UnderlyingQuote?>(new UnderlyingQuote(underlying, day.Close, null, null, QuoteTime(session)));
    }

    public async ValueTask<OptionQuote?> GetOptionQuoteAsync(OptionContract contract, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contract);
        if (!Known(contract.Underlying) || SessionAsOf(asOf) is not { } session || history.DayOn(session.Date) is not { } day
            || contract.Expiration < session.Date)
        {
            return null;
        }

        // On its last day an option trades until the close; no real chain lists it (they are 20–120 days out).
        if (contract.Expiration == session.Date)
        {
            return model.QuoteAtExpiration(contract, day) with { Timestamp = QuoteTime(session), OpenInterest = SyntheticOpenInterest };
        }

        if (realChains is not null && await IsRealCachedAsync(session, cancellationToken).ConfigureAwait(false)
            && await realChains.GetOptionQuoteAsync(contract, session.Close, cancellationToken).ConfigureAwait(false) is { } real
            && MarketTime.DateOf(real.Timestamp) == session.Date)
        {
            return real with { Timestamp = QuoteTime(session), UnderlyingPrice = day.Close };
        }

        return model.Quote(contract, day) with { Timestamp = QuoteTime(session), OpenInterest = SyntheticOpenInterest };
    }

    public async ValueTask<OptionChain?> GetChainAsync(string underlying, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        if (!Known(underlying) || SessionAsOf(asOf) is not { } session)
        {
            return null;
        }

        // One chain per session, kept while the replay stays on it: the screen asks once a day, per strategy.
        if (_chain is not { } kept || kept.Date != session.Date)
        {
            _chain = (session.Date, await BuildChainAsync(session, cancellationToken).ConfigureAwait(false));
        }

        return _chain.Value.Chain;
    }

    private async Task<OptionChain?> BuildChainAsync(TradingSession session, CancellationToken cancellationToken)
    {
        if (history.DayOn(session.Date) is not { } day)
        {
            return null;
        }

        var stamp = QuoteTime(session);
        if (realChains is not null && await IsRealCachedAsync(session, cancellationToken).ConfigureAwait(false))
        {
            var real = (await realChains.GetChainAsync(underlying, session.Close, cancellationToken).ConfigureAwait(false))!;
            return new OptionChain(underlying, day.Close, stamp, [.. real.Quotes.Select(q => q with { Timestamp = stamp, UnderlyingPrice = day.Close })]);
        }

        var chain = model.Chain(underlying, day);
        return new OptionChain(underlying, day.Close, stamp, [.. chain.Quotes.Select(q => q with { Timestamp = stamp, OpenInterest = SyntheticOpenInterest })]);
    }

    /// <summary>Whether the real chain has a snapshot dated <paramref name="session"/> (asked once per session).</summary>
    private async ValueTask<bool> IsRealCachedAsync(TradingSession session, CancellationToken cancellationToken)
    {
        if (!_real.TryGetValue(session.Date, out var real))
        {
            var chain = await realChains!.GetChainAsync(underlying, session.Close, cancellationToken).ConfigureAwait(false);
            _real[session.Date] = real = chain is not null && chain.Quotes.Count > 0 && MarketTime.DateOf(chain.Timestamp) == session.Date;
        }

        return real;
    }

    /// <summary>The last session whose quote time is at or before <paramref name="asOf"/>.</summary>
    private TradingSession? SessionAsOf(DateTimeOffset asOf)
    {
        var date = MarketTime.DateOf(asOf);
        if (!NyseCalendar.Covers(date.Year))
        {
            return null;
        }

        return calendar.SessionOn(date) is { } today && QuoteTime(today) <= asOf ? today : calendar.PreviousSession(date);
    }

    private bool Known(string symbol) => string.Equals(symbol, underlying, StringComparison.Ordinal);
}
