using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Trading;

/// <summary>An exit sweep that workers may still join: its id and the instant it judges as of.</summary>
public sealed record OpenSweep(long SweepId, DateTimeOffset AsOf);

/// <summary>
/// Where exit sweeps and their claims are kept, so that several workers share one tick's sweep: each claims disjoint
/// batches of the open option positions, and every position is claimed once per sweep.
/// </summary>
public interface ISweepLedger
{
    /// <summary>Opens this tick's sweep (the worker the scheduler fired); earlier ones left open by a crash are finished.</summary>
    Task<OpenSweep> OpenAsync(DateTimeOffset asOf, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="count"/> open option positions (entered by the sweep's instant) above
    /// <paramref name="afterPositionId"/> that no worker has claimed for this sweep, skipping rows another worker is
    /// claiming right now. Empty when none are left to this worker.
    /// </summary>
    Task<IReadOnlyList<Position>> ClaimAsync(OpenSweep sweep, long afterPositionId, int count, CancellationToken cancellationToken);

    /// <summary>The sweeps not yet finished, oldest first.</summary>
    Task<IReadOnlyList<OpenSweep>> ListOpenAsync(CancellationToken cancellationToken);

    /// <summary>Every position is claimed: no worker joins it any more.</summary>
    Task FinishAsync(OpenSweep sweep, CancellationToken cancellationToken);
}
