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
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetry = TimeSpan.FromMinutes(1);

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

                await ConnectAsync(stoppingToken).ConfigureAwait(false);
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

    /// <summary>
    /// Connects the bot if the start-up connect found Telegram down: retries with doubling backoff (1 s up to a minute)
    /// until it answers, recording each failure for /health, so the worker recovers by itself when Telegram returns.
    /// </summary>
    private async Task ConnectAsync(CancellationToken stoppingToken)
    {
        for (var delay = FirstRetry; !bot.IsConnected; delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetry.Ticks)))
        {
            try
            {
                await bot.ConnectAsync(stoppingToken).ConfigureAwait(false);
                LogReconnected();
                return;
            }
            catch (Exception e) when (e is TelegramUnreachableException or Infrastructure.InvalidConfigurationException)
            {
                status.Failed($"not connected: {e.Message}", clock.GetUtcNow());
                LogConnectFailed(e.Message, delay.TotalSeconds);
                await Task.Delay(delay, clock, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram still unreachable ({Reason}); next try in {Seconds} s")]
    private partial void LogConnectFailed(string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram reachable: the bot is connected and polling; the worker is no longer degraded")]
    private partial void LogReconnected();

    [LoggerMessage(Level = LogLevel.Information, Message = "Another worker polls Telegram; this one stands by")]
    private partial void LogStandby();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram polling failed; retrying in {seconds} s")]
    private partial void LogPollFailed(Exception exception, double seconds);
}
