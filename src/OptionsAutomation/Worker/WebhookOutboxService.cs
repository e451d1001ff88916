using Microsoft.Extensions.Logging;
using OptionsAutomation.Infrastructure.Publishing;

namespace OptionsAutomation.Worker;

/// <summary>
/// The webhook channel's loop: every <c>Publishing:WebhookPollSeconds</c>, at once on start, due <c>webhook</c> rows of
/// the outbox are posted (<see cref="WebhookDelivery"/>). Runs only when <c>Publishing:WebhookUrl</c> is set.
/// </summary>
internal sealed partial class WebhookOutboxService(
    WebhookDelivery delivery,
    PublishingSettings settings,
    TimeProvider clock,
    ILogger<WebhookOutboxService> logger) : PeriodicService(TimeSpan.FromSeconds(settings.WebhookPollSeconds), clock)
{
    protected override Task RunOnceAsync(CancellationToken cancellationToken) => delivery.DeliverDueAsync(cancellationToken);

    protected override void ReportFailure(Exception exception) => LogFailed(exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Posting to the webhook failed; retrying on the next tick")]
    private partial void LogFailed(Exception exception);
}
