using Microsoft.Extensions.Logging;
using OptionsAutomation.Infrastructure.Telegram;

namespace OptionsAutomation.Worker;

/// <summary>
/// Delivers the outbox to Telegram every <c>Telegram:OutboxPollSeconds</c> while the worker runs, at once on start.
/// A failed run loses nothing: rows stay pending in Postgres (a Telegram failure is recorded on its row) and the next
/// tick resumes. Register it only when the bot is on (<see cref="TelegramSettings.Enabled"/>): delivery needs the chat.
/// </summary>
internal sealed partial class TelegramOutboxService(
    OutboxDelivery delivery,
    TelegramSettings settings,
    TimeProvider clock,
    ILogger<TelegramOutboxService> logger) : PeriodicService(TimeSpan.FromSeconds(settings.OutboxPollSeconds), clock)
{
    protected override Task RunOnceAsync(CancellationToken cancellationToken) => delivery.DeliverDueAsync(cancellationToken);

    protected override void ReportFailure(Exception exception) => LogFailed(exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram outbox delivery failed; retrying on the next tick")]
    private partial void LogFailed(Exception exception);
}
