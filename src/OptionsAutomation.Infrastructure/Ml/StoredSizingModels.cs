using OptionsAutomation.Core.Proposals.Sizing.Ml;

namespace OptionsAutomation.Infrastructure.Ml;

/// <summary>
/// The worker's <c>ml</c> models: the newest stored version, loaded once and again only when a newer version appears
/// (each sizing asks Postgres for the newest version number, a one-row query; the model bytes are read on a change).
/// </summary>
public sealed class StoredSizingModels(PostgresSizingModels store, IReturnModelTrainer trainer) : ISizingModels
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SizingModel? _current;

    public async Task<SizingModel?> CurrentAsync(DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var newest = await store.NewestVersionAsync(cancellationToken).ConfigureAwait(false);
        if (newest is not { } version)
        {
            return null;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_current?.Version != version && await store.FindAsync(version, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                _current = new SizingModel(stored.Version, stored.TrainedAt, stored.Metrics.Score, stored.Metrics.PredictionPercentiles, stored.FeatureNames, trainer.Load(stored.Model));
            }

            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }
}
