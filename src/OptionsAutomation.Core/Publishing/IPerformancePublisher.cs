namespace OptionsAutomation.Core.Publishing;

/// <summary>
/// Where performance goes public: a static site (<c>optauto publish</c>), a webhook; social networks later. Each
/// adapter gets the same publication and card, and publishes nothing it was not configured for.
/// </summary>
public interface IPerformancePublisher
{
    /// <param name="card">the scorecard's card (PNG).</param>
    Task PublishAsync(PerformancePublication publication, byte[] card, CancellationToken cancellationToken);
}
