namespace OptionsAutomation.Core.Proposals.Sizing.Ml;

/// <summary>
/// A trained model as the <c>ml</c> sizing uses it: its version, when it was trained, its out-of-sample score (the
/// pooled Spearman rank correlation of its walk-forward; null when no fold could be tested), the 101 percentiles of its
/// own predictions on the trades it learned from (the multiplier's yardstick, <see cref="MlSizing"/>) and the features
/// it reads, in order.
/// </summary>
public sealed record SizingModel(int Version, DateTimeOffset TrainedAt, double? Score, ValueList<double> PredictionPercentiles, ValueList<string> FeatureNames, IReturnModel Model);

/// <summary>The model the <c>ml</c> sizing should use at an instant: the newest stored one for the worker, the year's walk-forward model in a replay.</summary>
public interface ISizingModels
{
    Task<SizingModel?> CurrentAsync(DateTimeOffset asOf, CancellationToken cancellationToken);
}

/// <summary>No model: every <c>ml</c> sizing falls back to <c>fixed</c> but still records its features (what <c>sizing train</c> replays with).</summary>
public sealed class NoSizingModels : ISizingModels
{
    public static NoSizingModels Instance { get; } = new();

    public Task<SizingModel?> CurrentAsync(DateTimeOffset asOf, CancellationToken cancellationToken) => Task.FromResult<SizingModel?>(null);
}

/// <summary>
/// One model per calendar year, each trained only on trades closed before that year began (<see cref="MlWalkForward"/>):
/// what <c>sizing evaluate</c>'s <c>ml</c> row replays with, so no proposal is sized by a model that saw its future.
/// A year without a model sizes by <c>fixed</c>.
/// </summary>
public sealed class YearlySizingModels(IReadOnlyDictionary<int, SizingModel> byYear) : ISizingModels
{
    /// <summary>
    /// Each fold's model as of its year's first day (00:00 New York), versioned by the year, scored by the pooled
    /// out-of-sample Spearman of the folds tested before it: what was known of the method's skill that day.
    /// </summary>
    public static YearlySizingModels From(MlOutOfSample walk)
    {
        ArgumentNullException.ThrowIfNull(walk);
        return new YearlySizingModels(walk.Folds.ToDictionary(f => f.Year, f => new SizingModel(
            f.Year, Calendar.MarketTime.At(new DateOnly(f.Year, 1, 1), TimeOnly.MinValue), walk.PooledBefore(f.Year).Spearman, f.PredictionPercentiles,
            new ValueList<string>(MlFeatures.Names), f.Model)));
    }

    public IReadOnlyDictionary<int, SizingModel> ByYear => byYear;

    public Task<SizingModel?> CurrentAsync(DateTimeOffset asOf, CancellationToken cancellationToken) =>
        Task.FromResult(byYear.GetValueOrDefault(Calendar.MarketTime.DateOf(asOf).Year));
}
