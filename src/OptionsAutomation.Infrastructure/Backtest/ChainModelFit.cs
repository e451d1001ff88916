using MathNet.Numerics;
using MathNet.Numerics.LinearRegression;
using OptionsAutomation.Core.Backtest;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Pricing;

namespace OptionsAutomation.Infrastructure.Backtest;

/// <summary>
/// Fits <see cref="ChainModelParameters"/> to a real end-of-day chain and measures the fitted model against it. Each
/// quote with a bid above zero and an ask above the bid gives its implied volatility at the mid (our
/// <see cref="ImpliedVolatility"/>, the day's DTB3 rate, the given dividend yield), and the surface's log-linear form
/// ln(σ/VIX) = Level + TermSlope·ln(τ/30d) + Skew·x + Smile·x² is solved by ordinary least squares (QR); the spread
/// width ask − bid by a least-squares line in the mid. Parameters are rounded to 4 decimals, then the model built from
/// them prices every quote, and its mid is compared with the real one. Deterministic: no random starts, no iteration.
/// </summary>
public static class ChainModelFit
{
    private const int Decimals = 4;

    private static readonly (string Name, double Below)[] DeltaBuckets =
        [("0.00–0.10", 0.10), ("0.10–0.20", 0.20), ("0.20–0.30", 0.30), ("0.30–0.40", 0.40), ("0.40–0.50", 0.50), ("0.50–0.60", 0.60), ("0.60–0.80", 0.80), ("0.80–1.00", double.PositiveInfinity)];

    private static readonly (string Name, int Below)[] DayBuckets =
        [("< 10", 10), ("10–19", 20), ("20–29", 30), ("30–44", 45), ("45–59", 60), ("60–89", 90), ("≥ 90", int.MaxValue)];

    /// <summary>Fits on the real chains of <paramref name="underlying"/> at the close of each session in <paramref name="sessions"/>.</summary>
    public static async Task<ChainModelFitResult> RunAsync(
        IMarketData realChains, string underlying, IReadOnlyList<TradingSession> sessions, MarketHistory history, double dividendYield, NyseCalendar calendar, CancellationToken cancellationToken)
    {
        var (samples, skipped) = await SamplesAsync(realChains, underlying, sessions, history, dividendYield, cancellationToken).ConfigureAwait(false);
        return Measure(FitParameters(samples, dividendYield), samples, skipped, calendar);
    }

    /// <summary>Measures given parameters against other real chains (out of sample: another year, another underlying).</summary>
    public static async Task<ChainModelFitResult> MeasureAsync(
        ChainModelParameters parameters, IMarketData realChains, string underlying, IReadOnlyList<TradingSession> sessions, MarketHistory history, NyseCalendar calendar, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var (samples, skipped) = await SamplesAsync(realChains, underlying, sessions, history, parameters.DividendYield, cancellationToken).ConfigureAwait(false);
        return Measure(parameters, samples, skipped, calendar);
    }

    private static async Task<(List<Sample> Samples, int Skipped)> SamplesAsync(
        IMarketData realChains, string underlying, IReadOnlyList<TradingSession> sessions, MarketHistory history, double dividendYield, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(realChains);
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(history);
        var samples = new List<Sample>();
        var skipped = 0;
        foreach (var session in sessions)
        {
            // End-of-day files are stamped 16:00 New York, after the close of a half day: ask at that time, not the session's close.
            var chain = await realChains.GetChainAsync(underlying, MarketData.EndOfDay.On(session.Date), cancellationToken).ConfigureAwait(false);
            if (chain is null || MarketTime.DateOf(chain.Timestamp) != session.Date || history.DayOn(session.Date) is not { } day)
            {
                continue;
            }

            foreach (var quote in chain.Quotes)
            {
                if (Sample.Of(quote, day with { Close = quote.UnderlyingPrice }, dividendYield) is { } sample)
                {
                    samples.Add(sample);
                }
                else
                {
                    skipped++;
                }
            }
        }

        return (samples, skipped);
    }

    private static ChainModelFitResult Measure(ChainModelParameters parameters, List<Sample> samples, int skipped, NyseCalendar calendar)
    {
        var model = new SyntheticChainModel(parameters, calendar);
        var errors = samples.Select(s => s.ErrorOf(model)).ToList();
        return new ChainModelFitResult(
            parameters,
            [.. DeltaBuckets.Select((b, i) => FitError.Of(b.Name, errors.Where(e => InBucket(e.AbsDelta, DeltaBuckets, i)).ToList()))],
            [.. DayBuckets.Select((b, i) => FitError.Of(b.Name, errors.Where(e => e.Days < b.Below && (i == 0 || e.Days >= DayBuckets[i - 1].Below)).ToList()))],
            FitError.Of("all", errors),
            skipped);
    }

    private static bool InBucket(double value, (string Name, double Below)[] buckets, int i) =>
        value < buckets[i].Below && (i == 0 || value >= buckets[i - 1].Below);

    private static ChainModelParameters FitParameters(IReadOnlyList<Sample> samples, double dividendYield)
    {
        if (samples.Count < 10)
        {
            throw new InvalidOperationException($"only {samples.Count} usable quotes: too few to fit the chain model.");
        }

        var surface = MultipleRegression.QR(
            [.. samples.Select(s => new[] { s.Point.LogTerm, s.Point.Moneyness, s.Point.Moneyness * s.Point.Moneyness })],
            [.. samples.Select(s => s.LogVolatilityRatio)],
            intercept: true);
        var (spreadBase, spreadPerDollar) = Fit.Line([.. samples.Select(s => s.Mid)], [.. samples.Select(s => s.Width)]);
        return new ChainModelParameters(
            Round(surface[0]), Round(surface[1]), Round(surface[2]), Round(surface[3]),
            Round(samples.Min(s => s.Point.Moneyness)), Round(samples.Max(s => s.Point.Moneyness)),
            samples.Min(s => s.Days), samples.Max(s => s.Days),
            Round(dividendYield), Round(spreadBase), Round(spreadPerDollar));
    }

    private static double Round(double value) => Math.Round(value, Decimals, MidpointRounding.AwayFromZero);

    /// <summary>One real quote usable for the fit, with what the regression needs.</summary>
    private sealed record Sample(OptionQuote Quote, MarketDay Day, int Days, SurfacePoint Point, double Mid, double Width, double LogVolatilityRatio)
    {
        public static Sample? Of(OptionQuote quote, MarketDay day, double dividendYield)
        {
            var days = quote.Contract.Expiration.DayNumber - day.Date.DayNumber;
            if (days <= 0 || quote is not { Bid: > 0m and var bid, Ask: { } ask, Delta: not null } || ask <= bid)
            {
                return null;
            }

            var mid = (double)(bid + ask) / 2;
            var (spot, strike) = ((double)day.Close, (double)quote.Contract.Strike);
            // A mid outside the no-arbitrage bounds implies no volatility: the quote is left out of the fit.
            if (!ImpliedVolatility.TrySolve(quote.Contract.Right, mid, spot, strike, SurfacePoint.Years(days), day.Rate, dividendYield, out var volatility, out _))
            {
                return null;
            }

            var point = SurfacePoint.Of(spot, strike, days, day.Rate, dividendYield, (double)day.Vix);
            return volatility > 0 ? new Sample(quote, day, days, point, mid, (double)(ask - bid), Math.Log(volatility / ((double)day.Vix / 100))) : null;
        }

        public QuoteError ErrorOf(SyntheticChainModel model)
        {
            var modelMid = (double)model.Quote(Quote.Contract, Day).Mid!.Value;
            return new QuoteError(Math.Abs(Quote.Delta!.Value), Days, Math.Abs(modelMid - Mid), Math.Abs(modelMid - Mid) / Mid);
        }
    }
}
