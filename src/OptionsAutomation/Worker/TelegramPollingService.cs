using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OptionsAutomation.Infrastructure.Postgres;
using OptionsAutomation.Infrastructure.Telegram;

namespace OptionsAutomation.Worker;

/// <summary>
/// Runs the bot's long-polling loop in the one worker holding the polling lock (Telegram answers 409 to a
/// second getUpdates on the same token, and two pollers would race for each update). The others wait and
/// take over if it stops. Failures are logged and retried after a pause; they never stop the worker.
/// </summary>
internal sealed partial class TelegramPollingService(
    TelegramBot bot,
    NpgsqlDataSource dataSource,
    TelegramPollStatus status,
    TimeProvider clock,
    ILogger<TelegramPollingService> logger) : BackgroundService
{
    private const string LockName = "optauto:telegram-poller";
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan StandbyCheck = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var pollerLock = await SessionAdvisoryLock.TryAcquireAsync(dataSource, LockName, stoppingToken).ConfigureAwait(false);
                if (pollerLock is null)
                {
                    LogStandby();
                    await Task.Delay(StandbyCheck, clock, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                while (!stoppingToken.IsCancellationRequested)
                {
                    // A lost lock connection means another worker may be polling: stop and compete for it again.
                    await pollerLock.EnsureHeldAsync(stoppingToken).ConfigureAwait(false);
                    await bot.PollOnceAsync(stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                status.Failed($"{e.GetType().Name}: {e.Message}", clock.GetUtcNow());
                LogPollFailed(e, Pause.TotalSeconds);
                await Task.Delay(Pause, clock, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Another worker polls Telegram; this one stands by")]
    private partial void LogStandby();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram polling failed; retrying in {seconds} s")]
    private partial void LogPollFailed(Exception exception, double seconds);
}
