using OptionsAutomation.Core.Instruments;

namespace OptionsAutomation.Core.Proposals.Sizing.Ml;

/// <summary>
/// What the <c>ml</c> sizing's model reads of a trade, all known when it is proposed: the market of the sessions before
/// its day (VIX level, a VIX term proxy and the VIX's rank over a year; the underlying's realised volatility and trend)
/// and the trade's own quote and terms (IV and |Δ| of the short put, days to expiration, credit ÷ width for a VPC or
/// credit ÷ strike for a CSP). Days to earnings are not a feature: the shipped history is SPY's, which has none.
/// Values are rounded to 6 places once, here, so the numbers stored with a proposal are exactly the numbers the model
/// read, and a trade's stored features are a training row as they stand. Statistics in <see cref="double"/>.
/// </summary>
public static class MlFeatures
{
    /// <summary>Underlying closes the trend reads (a 50-session average and the last close).</summary>
    public const int TrendSessions = 50;

    /// <summary>Daily log returns in the realised volatility (about a month).</summary>
    public const int VolatilitySessions = 20;

    /// <summary>VIX closes the term proxy averages (about a quarter).</summary>
    public const int VixTermSessions = 63;

    /// <summary>VIX closes the rank reads (about a year).</summary>
    public const int VixRankSessions = MarketData.IvRank.Sessions;

    /// <summary>Underlying closes needed before the trade's day.</summary>
    public const int ClosesNeeded = TrendSessions + 1;

    /// <summary>The feature names, in the order the model reads them; each is stored as input <c>feature_NAME</c>.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["vix", "vix_term", "vix_rank", "realized_vol", "trend", "iv", "delta", "dte", "credit_ratio", "is_spread"];

    public const string InputPrefix = "feature_";

    /// <summary>
    /// The features of <paramref name="candidate"/> proposed on <paramref name="day"/>, or the reason one cannot be computed.
    /// </summary>
    /// <param name="closes">The underlying's closes of the sessions before <paramref name="day"/>, oldest first.</param>
    /// <param name="vix">VIX closes before <paramref name="day"/>, oldest first.</param>
    public static MlFeatureResult Compute(ScreenCandidate candidate, DateOnly day, IReadOnlyList<decimal> closes, IReadOnlyList<decimal> vix)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(closes);
        ArgumentNullException.ThrowIfNull(vix);
        var strategy = candidate.Strategy;
        if (closes.Count < ClosesNeeded || closes.Any(c => c <= 0m))
        {
            return MlFeatureResult.Missing($"fewer than {ClosesNeeded} daily closes of {strategy.Underlying} before {day:yyyy-MM-dd} for its trend and realised volatility");
        }

        if (vix.Count < VixRankSessions)
        {
            return MlFeatureResult.Missing($"fewer than {VixRankSessions} VIX closes before {day:yyyy-MM-dd} (the VIX daily series under data/market)");
        }

        if (candidate.ShortQuote.ImpliedVolatility is not { } iv || candidate.ShortQuote.Delta is not { } delta)
        {
            return MlFeatureResult.Missing($"the short put's quote has no {(candidate.ShortQuote.ImpliedVolatility is null ? "implied volatility" : "delta")}");
        }

        var recent = closes.Skip(closes.Count - ClosesNeeded).Select(c => (double)c).ToArray();
        var year = vix.Skip(vix.Count - VixRankSessions).Select(v => (double)v).ToArray();
        var level = year[^1];
        var isSpread = strategy.Type == StrategyType.VerticalPutCredit;
        var denominator = isSpread ? strategy.ShortStrike - (strategy.LongStrike ?? strategy.ShortStrike) : strategy.ShortStrike;
        if (denominator <= 0m)
        {
            return MlFeatureResult.Missing("the trade has no width or strike to scale its credit by");
        }

        double[] values =
        [
            level,
            level / year.Skip(year.Length - VixTermSessions).Average(),
            MarketData.IvRank.Of(year),
            RealisedVolatility(recent.Skip(recent.Length - (VolatilitySessions + 1)).ToArray()),
            (recent[^1] / recent.Skip(1).Average()) - 1.0,
            iv,
            Math.Abs(delta),
            strategy.Expiration.DayNumber - day.DayNumber,
            (double)(strategy.Credit / denominator),
            isSpread ? 1.0 : 0.0,
        ];
        return new MlFeatureResult(new ValueList<double>(values.Select(Round)), null);
    }

    /// <summary>The stored features of a sizing (its <c>feature_*</c> inputs) in model order, or null when any is absent.</summary>
    public static IReadOnlyList<double>? Stored(PositionSizingResult? sizing)
    {
        if (sizing is null)
        {
            return null;
        }

        var values = new double[Names.Count];
        for (var i = 0; i < Names.Count; i++)
        {
            if (sizing.Inputs.FirstOrDefault(s => s.Name == InputPrefix + Names[i]) is not { } step)
            {
                return null;
            }

            values[i] = (double)step.Value;
        }

        return values;
    }

    /// <summary>The closes' daily log returns, annualised as <see cref="VolatilityRegime"/> does.</summary>
    private static double RealisedVolatility(double[] closes) =>
        VolatilityRegime.Annualised([.. closes.Zip(closes.Skip(1), (a, b) => Math.Log(b / a))]);

    private static double Round(double x) => (double)decimal.Round((decimal)x, 6, MidpointRounding.AwayFromZero);
}

/// <summary>The features in <see cref="MlFeatures.Names"/> order, or why they could not be computed.</summary>
public sealed record MlFeatureResult(ValueList<double>? Values, string? Problem)
{
    public static MlFeatureResult Missing(string problem) => new(null, problem);
}
