using Microsoft.Extensions.Logging;
using OptionsAutomation.Infrastructure.Audit;

namespace OptionsAutomation.Worker;

/// <summary>
/// Runs the audit exporter every <c>Audit:ExportIntervalSeconds</c> while the worker runs, at once on start. A failed
/// export loses nothing: the events stay in audit_events and the next tick resumes from the files.
/// </summary>
internal sealed partial class AuditExportService(
    AuditExporter exporter,
    AuditSettings settings,
    TimeProvider clock,
    ILogger<AuditExportService> logger) : PeriodicService(TimeSpan.FromSeconds(settings.ExportIntervalSeconds), clock)
{
    protected override Task RunOnceAsync(CancellationToken cancellationToken) => exporter.ExportAsync(cancellationToken);

    protected override void ReportFailure(Exception exception) => LogFailed(exception, exporter.Directory);

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit export to {Directory} failed; retrying on the next tick")]
    private partial void LogFailed(Exception exception, string directory);
}
