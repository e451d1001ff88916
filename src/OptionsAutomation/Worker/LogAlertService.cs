using Microsoft.Extensions.Logging;
using OptionsAutomation.Infrastructure.Outbox;

namespace OptionsAutomation.Worker;

/// <summary>
/// The <c>log</c> alert channel's loop (<see cref="AlertSettings"/>): every <c>Alerts:LogPollSeconds</c>, at once on start,
/// pending outbox rows are written to the log and settled. A failed run loses nothing: the rows stay pending.
/// </summary>
internal sealed partial class LogAlertService(
    LogAlertDelivery delivery,
    AlertSettings settings,
    TimeProvider clock,
    ILogger<LogAlertService> logger) : PeriodicService(TimeSpan.FromSeconds(settings.LogPollSeconds), clock)
{
    protected override Task RunOnceAsync(CancellationToken cancellationToken) => delivery.DeliverDueAsync(cancellationToken);

    protected override void ReportFailure(Exception exception) => LogFailed(exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing alerts to the log failed; retrying on the next tick")]
    private partial void LogFailed(Exception exception);
}
