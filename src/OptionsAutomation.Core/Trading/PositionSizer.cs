using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Proposals.Sizing;
using OptionsAutomation.Core.Proposals.Sizing.Ml;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Risk.Portfolio;

namespace OptionsAutomation.Core.Trading;

/// <summary>
/// Sizes a screened trade by the strategy <c>Sizing</c> names for its ticker, gathering what that strategy reads: the
/// closed trades of its strategy type (<c>kelly</c>, from <see cref="IPositionStore.HistoryAsync"/>: Postgres for the
/// worker, the in-memory book for a backtest; while it is short, the configured backtest record if any), the underlying's daily closes (<c>volatility</c>), or the book's exposure,
/// correlations and dollar deltas (<c>portfolio</c>), or the features and the current model (<c>ml</c>: the VIX closes
/// of <paramref name="vix"/>, the underlying's closes, the candidate's quote; <paramref name="models"/>). The arithmetic
/// is the strategies' own (Proposals/Sizing).
/// </summary>
public sealed class PositionSizer(
    IPositionStore positions, IMarketData marketData, PortfolioRiskService risk, NyseCalendar calendar,
    SizingSettings sizing, RiskSettings gate, PortfolioRiskSettings portfolio, ExitRuleSettings rules, KellyBacktestRecord? kellyRecord = null,
    ISizingModels? models = null, DailyCloses? vix = null)
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
                var closes = await ClosesAsync(strategy.Underlying, today, sizing.VolatilityWindowDays + sizing.VolatilityLookbackDays, cancellationToken).ConfigureAwait(false);
                return VolatilitySizing.Size(request, VolatilityRegime.FromCloses(closes, sizing.VolatilityWindowDays, sizing.VolatilityLookbackDays), sizing, rules);
            case SizingStrategies.Portfolio:
                var room = await RoomAsync(candidate, commitments, snapshot, asOf, cancellationToken).ConfigureAwait(false);
                return PortfolioSizing.Size(request, room, sizing, gate, portfolio, rules);
            case SizingStrategies.Ml:
                var features = await FeaturesAsync(candidate, today, cancellationToken).ConfigureAwait(false);
                var model = await (models ?? NoSizingModels.Instance).CurrentAsync(asOf, cancellationToken).ConfigureAwait(false);
                return MlSizing.Size(request, features, model, asOf, sizing, rules);
            default:
                return FixedSizing.Size(request, sizing, rules);
        }
    }

    /// <summary>The candidate's features from the sessions before <paramref name="today"/>; the VIX series must reach the previous session.</summary>
    private async Task<MlFeatureResult> FeaturesAsync(ScreenCandidate candidate, DateOnly today, CancellationToken cancellationToken)
    {
        var series = vix ?? DailyCloses.None;
        var previous = calendar.PreviousSession(today).Date;
        if (series.LastDateBefore(today) is not { } last || last < previous)
        {
            return MlFeatureResult.Missing($"the VIX daily series has no close for {previous:yyyy-MM-dd} (it ends {(series.LastDateBefore(today) is { } end ? end.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "before any")})");
        }

        var closes = await ClosesAsync(candidate.Strategy.Underlying, today, MlFeatures.ClosesNeeded, cancellationToken).ConfigureAwait(false);
        return MlFeatures.Compute(candidate, today, closes, series.Before(today, MlFeatures.VixRankSessions));
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
    private async Task<IReadOnlyList<decimal>> ClosesAsync(string symbol, DateOnly today, int needed, CancellationToken cancellationToken)
    {
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
