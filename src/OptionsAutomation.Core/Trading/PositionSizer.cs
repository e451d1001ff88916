using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Proposals.Sizing;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Risk.Portfolio;

namespace OptionsAutomation.Core.Trading;

/// <summary>
/// Sizes a screened trade by the strategy <c>Sizing</c> names for its ticker, gathering what that strategy reads: the
/// closed trades of its strategy type (<c>kelly</c>, from <see cref="IPositionStore.HistoryAsync"/>: Postgres for the
/// worker, the in-memory book for a backtest; while it is short, the configured backtest record if any), the underlying's daily closes (<c>volatility</c>), or the book's exposure,
/// correlations and dollar deltas (<c>portfolio</c>). The arithmetic is the strategies' own (Proposals/Sizing).
/// </summary>
public sealed class PositionSizer(
    IPositionStore positions, IMarketData marketData, PortfolioRiskService risk, NyseCalendar calendar,
    SizingSettings sizing, RiskSettings gate, PortfolioRiskSettings portfolio, ExitRuleSettings rules, KellyBacktestRecord? kellyRecord = null)
{
    /// <param name="commitments">What is already committed — open positions and this run's earlier proposals — by underlying and expiration.</param>
    /// <param name="snapshot">The gate's view of the account (the correlations and held underlyings).</param>
    public async Task<PositionSizingResult> SizeAsync(
        ScreenCandidate candidate, SizingRequest request, IReadOnlyList<Commitment> commitments, RiskSnapshot snapshot, DateTimeOffset asOf,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(snapshot);
        var strategy = request.Strategy;
        var today = MarketTime.DateOf(asOf);
        switch (sizing.StrategyFor(strategy.Underlying))
        {
            case SizingStrategies.Kelly:
                var history = await positions.HistoryAsync(null, today, cancellationToken).ConfigureAwait(false);
                return KellySizing.Size(request, KellyEstimate.From(history, strategy.Type), kellyRecord, today, sizing, rules);
            case SizingStrategies.Volatility:
                var closes = await ClosesAsync(strategy.Underlying, today, cancellationToken).ConfigureAwait(false);
                return VolatilitySizing.Size(request, VolatilityRegime.FromCloses(closes, sizing.VolatilityWindowDays, sizing.VolatilityLookbackDays), sizing, rules);
            case SizingStrategies.Portfolio:
                var room = await RoomAsync(candidate, commitments, snapshot, asOf, cancellationToken).ConfigureAwait(false);
                return PortfolioSizing.Size(request, room, sizing, gate, portfolio, rules);
            default:
                return FixedSizing.Size(request, sizing, rules);
        }
    }

    private async Task<PortfolioRoom> RoomAsync(
        ScreenCandidate candidate, IReadOnlyList<Commitment> commitments, RiskSnapshot snapshot, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var strategy = candidate.Strategy;
        var week = PortfolioSizing.ExpirationWeek(strategy.Expiration);
        var model = snapshot.Correlations;
        return new PortfolioRoom
        {
            ExposureOnUnderlying = commitments.Where(c => c.Underlying == strategy.Underlying).Sum(c => c.Exposure),
            ExposureInExpirationWeek = commitments.Where(c => c.Expiration is { } e && PortfolioSizing.ExpirationWeek(e) == week).Sum(c => c.Exposure),
            CorrelatedWith = model is null ? [] : CorrelationRule.PeersOf(strategy.Underlying, snapshot.HeldUnderlyings, model, portfolio.CorrelationThreshold),
            Covariance = model,
            HeldDeltaDollars = await risk.DeltaDollarsAsync(asOf, cancellationToken).ConfigureAwait(false),
            DeltaDollarsPerContract = DeltaDollarsPerContract(candidate, rules.ContractMultiplier),
        };
    }

    /// <summary>Selling the short put is long its |Δ|, buying the long put short its; × spot × multiplier.</summary>
    private static double? DeltaDollarsPerContract(ScreenCandidate candidate, int multiplier)
    {
        if (candidate.ShortQuote.Delta is not { } shortDelta || (candidate.LongQuote is { } longQuote && longQuote.Delta is null))
        {
            return null;
        }

        var spot = (double)candidate.ShortQuote.UnderlyingPrice;
        return (-shortDelta + (candidate.LongQuote?.Delta ?? 0)) * spot * multiplier;
    }

    /// <summary>Closes at 16:00 New York of the sessions before <paramref name="today"/>, oldest first; a session without its own close is skipped.</summary>
    private async Task<IReadOnlyList<decimal>> ClosesAsync(string symbol, DateOnly today, CancellationToken cancellationToken)
    {
        var needed = sizing.VolatilityWindowDays + sizing.VolatilityLookbackDays;
        var closes = new List<decimal>(needed);
        // Sessions without a close of their own are skipped, but only so many: a feed that stopped must not walk back to 2000.
        for (var (date, visited) = (today, 0); closes.Count < needed && visited < 2 * needed && NyseCalendar.Covers(date.Year - 1); visited++)
        {
            date = calendar.PreviousSession(date).Date;
            var quote = await marketData.GetUnderlyingQuoteAsync(symbol, MarketTime.At(date, new TimeOnly(16, 0)), cancellationToken).ConfigureAwait(false);
            if (quote is null)
            {
                break;
            }

            if (MarketTime.DateOf(quote.Timestamp) == date && quote.Last > 0m)
            {
                closes.Insert(0, quote.Last);
            }
        }

        return closes;
    }
}
