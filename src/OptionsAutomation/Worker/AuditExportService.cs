using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OptionsAutomation.Infrastructure.Audit;

namespace OptionsAutomation.Worker;

/// <summary>Runs the audit exporter every <c>Audit:ExportIntervalSeconds</c> while the worker runs, at once on start.</summary>
internal sealed partial class AuditExportService(
    AuditExporter exporter,
    AuditSettings settings,
    TimeProvider clock,
    ILogger<AuditExportService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.ExportIntervalSeconds), clock);
        do
        {
            try
            {
                await exporter.ExportAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The events stay in audit_events; the next tick resumes from the files, so nothing is lost by waiting.
                LogFailed(e, exporter.Directory);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit export to {Directory} failed; retrying on the next tick")]
    private partial void LogFailed(Exception exception, string directory);
}
