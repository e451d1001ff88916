namespace OptionsAutomation.Core.Proposals.Sizing.Ml;

/// <summary>
/// What <c>optauto sizing train</c> measured and stored with a model (<c>sizing_models.metrics</c>): the rows it learned
/// from (backtest and live), their mean return on risk, the walk-forward's out-of-sample scores, <see cref="Score"/> —
/// the pooled out-of-sample Spearman the worker compares with <c>Sizing:Ml:MinOutOfSampleScore</c> — and the final
/// model's prediction percentiles on its own rows (the multiplier's yardstick).
/// </summary>
public sealed record MlModelMetrics(
    int TrainingRows, int BacktestRows, int LiveRows, double MeanReturnOnRisk, double? Score, MlOutOfSampleReport OutOfSample, ValueList<double> PredictionPercentiles)
{
    public static MlModelMetrics Of(IReadOnlyList<MlTrainingRow> rows, int liveRows, MlOutOfSample walk, IReturnModel final)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(walk);
        var pooled = walk.Pooled;
        var years = walk.Folds.Select(f => (f, s: f.Score)).Select(x => new MlYearScore(x.f.Year, x.f.TrainingRows, x.s.Rows, x.s.RSquared, x.s.MeanAbsoluteError, x.s.Spearman));
        return new MlModelMetrics(rows.Count, rows.Count - liveRows, liveRows, MlWalkForward.MeanLabel(rows), pooled.Spearman,
            new MlOutOfSampleReport(new ValueList<MlYearScore>(years), pooled), MlWalkForward.Percentiles(final, rows));
    }
}

/// <summary>The walk-forward's scores: one per tested year, and all its predictions pooled.</summary>
public sealed record MlOutOfSampleReport(ValueList<MlYearScore> Years, MlScore Pooled);

/// <summary>One tested year: rows its model learned from (closed before the year) and was tested on (entered in it), and the scores.</summary>
public sealed record MlYearScore(int Year, int TrainingRows, int TestRows, double? RSquared, double? MeanAbsoluteError, double? Spearman);

/// <summary>A row of <c>sizing_models</c>.</summary>
public sealed record StoredSizingModel(
    int Version, DateTimeOffset TrainedAt, DateOnly From, DateOnly To, int Seed, ValueList<string> FeatureNames, MlModelMetrics Metrics, byte[] Model);
