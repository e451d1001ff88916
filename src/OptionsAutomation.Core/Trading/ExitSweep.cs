using OptionsAutomation.Core.Trading.Adjustments;

namespace OptionsAutomation.Core.Trading;

/// <summary>
/// The exit job's tick, shared by every worker: the worker the scheduler fired opens a sweep and works it; the others
/// join it (<see cref="JoinAsync"/>). Each claims batches of positions no one has claimed for this sweep, marks a batch
/// (one transaction), decides, closes its EXITs after that commit, and reviews the batch for adjustments at the same
/// marks — so a tick prices each position once.
/// </summary>
/// <param name="batchSize">Positions per claim and mark transaction.</param>
public sealed class ExitSweep(ISweepLedger sweeps, ExitService exits, AdjustmentReview adjustments, int batchSize = MarkToMarketService.BatchSize)
{
    /// <summary>Opens a sweep as of <paramref name="asOf"/>, works it to the end with whoever joins, then expires orphaned recommendations.</summary>
    public async Task<ExitSweepOutcome> RunAsync(DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var sweep = await sweeps.OpenAsync(asOf, cancellationToken).ConfigureAwait(false);
        var outcome = await JoinAsync(sweep, cancellationToken).ConfigureAwait(false);
        await sweeps.FinishAsync(sweep, cancellationToken).ConfigureAwait(false);
        // After the exits, so a recommendation whose position this worker closed expires this tick (one another worker
        // is still closing expires on the next).
        await adjustments.ExpireOrphansAsync(cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>Claims and works batches of <paramref name="sweep"/> until none are left to claim.</summary>
    public async Task<ExitSweepOutcome> JoinAsync(OpenSweep sweep, CancellationToken cancellationToken)
    {
        var tick = await adjustments.BeginTickAsync(cancellationToken).ConfigureAwait(false);
        var checks = new List<ExitCheck>();
        var pending = new List<Adjustment>();
        var failed = new List<string>();
        var after = 0L;
        while (true)
        {
            var batch = await sweeps.ClaimAsync(sweep, after, batchSize, cancellationToken).ConfigureAwait(false);
            if (batch.Count == 0)
            {
                // Rows skipped while locked (by a mark or close transaction) lie behind the cursor: one more pass from the
                // start claims them; a pass from the start that finds nothing ends this worker's part.
                if (after == 0)
                {
                    break;
                }

                after = 0;
                continue;
            }

            after = batch[^1].PositionId;
            var swept = await exits.SweepBatchAsync(batch, sweep.AsOf, execute: true, cancellationToken).ConfigureAwait(false);
            checks.AddRange(swept.Select(s => s.Check));
            var review = await adjustments.ReviewSweptAsync(swept, sweep.AsOf, tick, cancellationToken).ConfigureAwait(false);
            pending.AddRange(review.Pending);
            failed.AddRange(review.Failed);
        }

        return new ExitSweepOutcome(checks, new AdjustmentReviewOutcome(pending, failed));
    }
}
