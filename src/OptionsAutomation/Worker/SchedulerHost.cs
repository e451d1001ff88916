using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Quartz;

namespace OptionsAutomation.Worker;

/// <summary>
/// Starts the Quartz scheduler with the host and stops it within the host's shutdown timeout. Quartz's own hosted
/// service bounds only the wait for running jobs: its scheduler thread, halted while it holds an acquired trigger,
/// first hands the trigger back to the job store and retries that for as long as the database is unreachable, so a
/// worker whose database went down first never exited on SIGTERM. Here the stop waits for running jobs until the
/// host's token fires or the database stops answering (a job cannot finish its work without it, and the host stops its
/// services one after another, so every second waited here is a second the others keep retrying), then lets the process
/// go: what the scheduler could not write is what a crash leaves, and the cluster (a peer, or this worker's next start)
/// recovers the trigger, as it would after a crash.
/// </summary>
internal sealed partial class SchedulerHost(ISchedulerFactory schedulers, NpgsqlDataSource database, TimeProvider clock, ILogger<SchedulerHost> logger)
    : IHostedService
{
    /// <summary>How often a stop asks the database whether it is still there, and how long it waits for the answer.</summary>
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

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
        using var stopWatching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var gaveUp = WaitWhileDatabaseAnswersAsync(stopWatching.Token);
        var first = await Task.WhenAny(shutdown, gaveUp).ConfigureAwait(false);
        await stopWatching.CancelAsync().ConfigureAwait(false);
        if (first == shutdown)
        {
            await shutdown.ConfigureAwait(false);
            return;
        }

        LogAbandoned(logger);
    }

    /// <summary>Ends when the database no longer answers or the token fires.</summary>
    private async Task WaitWhileDatabaseAnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await AnswersAsync(cancellationToken).ConfigureAwait(false))
            {
                await Task.Delay(ProbeInterval, clock, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // the host stopped waiting, or the scheduler stopped first
        }
    }

    private async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        using var probe = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        probe.CancelAfter(ProbeTimeout);
        try
        {
            // A query, not only an open: a pooled connection is handed out without asking the server.
            await using var command = database.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(probe.Token).ConfigureAwait(false);
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false; // no answer within the timeout: as good as gone for a stop
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The scheduler did not stop before its database stopped answering or the host's shutdown timeout; exiting without it. Its triggers are recovered at the next start or by a peer, as after a crash")]
    private static partial void LogAbandoned(ILogger logger);
}
