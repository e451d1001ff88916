using Microsoft.Extensions.Hosting;

namespace OptionsAutomation.Worker;

/// <summary>
/// Work the worker repeats: once at start, then every <paramref name="interval"/> on the clock until it stops. A run
/// that throws is reported and the next tick tries again, because these services keep their state in Postgres or on
/// disk and lose nothing by waiting; only stopping ends the loop.
/// </summary>
internal abstract class PeriodicService(TimeSpan interval, TimeProvider clock) : BackgroundService
{
    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected abstract void ReportFailure(Exception exception);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                ReportFailure(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
