using Microsoft.Extensions.Logging;
using OptionsAutomation.Core.Trading;

namespace OptionsAutomation.Worker;

/// <summary>
/// A clustered worker's part in exit sweeps it did not fire: every <c>Jobs:SweepJoinPollSeconds</c> it looks for an open
/// sweep and claims batches of it until none are left, so each worker added shortens a tick. The fired worker's own
/// loop claims too; whoever claims a position works it, once.
/// </summary>
internal sealed partial class ExitSweepJoiner(
    ISweepLedger sweeps,
    ExitSweep sweep,
    JobSettings settings,
    TimeProvider clock,
    ILogger<ExitSweepJoiner> logger) : PeriodicService(TimeSpan.FromSeconds(settings.SweepJoinPollSeconds), clock)
{
    // The newest sweep this worker has drained. Sweeps open in id order and opening one finishes those before it, so an
    // open sweep at or below it has nothing left for this worker: without it every poll rejoined the open sweep and
    // ended with a claim pass from the first position. One id, so the memory is bounded whatever the uptime.
    private long _drained;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => PollAsync(cancellationToken);

    /// <summary>One poll: joins each open sweep this worker has not drained yet.</summary>
    internal async Task PollAsync(CancellationToken cancellationToken)
    {
        foreach (var open in await sweeps.ListOpenAsync(cancellationToken).ConfigureAwait(false))
        {
            if (open.SweepId <= _drained)
            {
                continue;
            }

            var outcome = await sweep.JoinAsync(open, cancellationToken).ConfigureAwait(false);
            _drained = open.SweepId;
            if (outcome.Checks.Count > 0)
            {
                LogJoined(open.SweepId, outcome.Checks.Count, outcome.Checks.Count(c => c.Closed is not null));
            }
        }
    }

    protected override void ReportFailure(Exception exception) => LogFailed(exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Exit sweep {SweepId} joined: {Checked} open position(s) checked, {Closed} closed")]
    private partial void LogJoined(long sweepId, int @checked, int closed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Joining an exit sweep failed; retrying on the next poll")]
    private partial void LogFailed(Exception exception);
}
