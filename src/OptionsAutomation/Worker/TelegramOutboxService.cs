using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OptionsAutomation.Infrastructure.Telegram;

namespace OptionsAutomation.Worker;

/// <summary>
/// Delivers the outbox to Telegram every <c>Telegram:OutboxPollSeconds</c> while the worker runs, at once on start.
/// Register it only when the bot is on (<see cref="TelegramSettings.Enabled"/>): <see cref="OutboxDelivery"/> needs the chat.
/// </summary>
internal sealed partial class TelegramOutboxService(
    OutboxDelivery delivery,
    TelegramSettings settings,
    TimeProvider clock,
    ILogger<TelegramOutboxService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.OutboxPollSeconds), clock);
        do
        {
            try
            {
                await delivery.DeliverDueAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Rows stay pending in Postgres (a Telegram failure is already recorded on its row): the next tick resumes.
                LogFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram outbox delivery failed; retrying on the next tick")]
    private partial void LogFailed(Exception exception);
}
