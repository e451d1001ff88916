using System.Globalization;

namespace OptionsAutomation.Core.Proposals.Sizing.Ml;

/// <summary>Appsettings <c>Sizing:Ml</c>: the <c>ml</c> sizing's bounds and when it must not trust its model (docs/sizing.md).</summary>
public sealed record MlSizingSettings
{
    /// <summary>
    /// The least share of the fixed budget a trade gets, however poor its prediction: the model's out-of-sample skill is
    /// weak (docs/sizing.md), so its word alone never takes a screened trade to nothing — ¼ of fixed.
    /// </summary>
    public decimal MinMultiplier { get; init; } = 0.25m;

    /// <summary>The most share of the fixed budget a trade gets: 1 never sizes above <c>fixed</c>; above 1 only when configured.</summary>
    public decimal MaxMultiplier { get; init; } = 1m;

    /// <summary>A model trained longer ago than this is not used (a quarter: retrain as each quarter's trades close).</summary>
    public int MaxModelAgeDays { get; init; } = 90;

    /// <summary>
    /// The least pooled out-of-sample Spearman rank correlation a model must have shown to be used. 0.1 is about 2.6
    /// standard errors (1/√n) above no skill on the ~700 trades of a whole-history backtest.
    /// </summary>
    public double MinOutOfSampleScore { get; init; } = 0.1;

    /// <summary>Trades a walk-forward fold (and the final model) must learn from; fewer and no model is trained.</summary>
    public int MinTrainingRows { get; init; } = 30;

    public IEnumerable<string> Validate(string section)
    {
        string Error(string key, object value, string rule) => string.Create(CultureInfo.InvariantCulture, $"{section}:{key} {rule}, was {value}.");
        if (MinMultiplier is not (>= 0m and <= 1m))
        {
            yield return Error(nameof(MinMultiplier), MinMultiplier, "must be in [0, 1]");
        }

        if (MaxMultiplier < MinMultiplier || MaxMultiplier > 3m || MaxMultiplier <= 0m)
        {
            yield return Error(nameof(MaxMultiplier), MaxMultiplier, $"must be above 0, at least {nameof(MinMultiplier)} and at most 3");
        }

        if (MaxModelAgeDays < 1)
        {
            yield return Error(nameof(MaxModelAgeDays), MaxModelAgeDays, "must be at least 1");
        }

        if (MinOutOfSampleScore is not (>= -1 and <= 1))
        {
            yield return Error(nameof(MinOutOfSampleScore), MinOutOfSampleScore, "must be in [-1, 1]");
        }

        if (MinTrainingRows < 10)
        {
            yield return Error(nameof(MinTrainingRows), MinTrainingRows, "must be at least 10");
        }
    }
}
