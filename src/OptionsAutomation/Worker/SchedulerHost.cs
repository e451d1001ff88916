using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace OptionsAutomation.Worker;

/// <summary>
/// Starts the Quartz scheduler with the host and stops it within the host's shutdown timeout. Quartz's own hosted
/// service bounds only the wait for running jobs: its scheduler thread, halted while it holds an acquired trigger,
/// first hands the trigger back to the job store and retries that for as long as the database is unreachable, so a
/// worker whose database went down first never exited on SIGTERM. Here the stop waits for running jobs until the
/// host's token fires, then lets the process go: what the scheduler could not write is what a crash leaves, and the
/// cluster (a peer, or this worker's next start) recovers the trigger, as it would after a crash.
/// </summary>
internal sealed partial class SchedulerHost(ISchedulerFactory schedulers, ILogger<SchedulerHost> logger) : IHostedService
{
    private IScheduler? _scheduler;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        await _scheduler.Start(cancellationToken).ConfigureAwait(false);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_scheduler is null)
        {
            return;
        }

        // Not the host's token: Quartz must go on to tell its job store and listeners it stopped even once we stop waiting.
        var shutdown = _scheduler.Shutdown(waitForJobsToComplete: true, CancellationToken.None).AsTask();
        var gaveUp = Task.Delay(Timeout.Infinite, cancellationToken);
        if (await Task.WhenAny(shutdown, gaveUp).ConfigureAwait(false) == shutdown)
        {
            await shutdown.ConfigureAwait(false);
            return;
        }

        LogAbandoned(logger);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The scheduler did not stop within the host's shutdown timeout (its job store cannot reach the database); exiting without it. Its triggers are recovered at the next start or by a peer, as after a crash")]
    private static partial void LogAbandoned(ILogger logger);
}
