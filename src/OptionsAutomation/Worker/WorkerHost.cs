using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OptionsAutomation.Hosting;
using OptionsAutomation.Infrastructure;
using OptionsAutomation.Infrastructure.Postgres;
using OptionsAutomation.Infrastructure.Telegram;
using OptionsAutomation.Web;
using Serilog.Extensions.Logging;

namespace OptionsAutomation.Worker;

/// <summary><c>optauto run</c>: migrates, connects the bot, then serves and runs the jobs until stopped.</summary>
internal static partial class WorkerHost
{
    /// <summary>How long a stop waits for running jobs and services (the host's <see cref="HostOptions.ShutdownTimeout"/>).</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);

    /// <summary>What the process allows beyond <see cref="ShutdownTimeout"/> before it exits anyway: disposing the host, flushing the log.</summary>
    public static readonly TimeSpan ShutdownMargin = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(IReadOnlyList<string> overrides, CancellationToken cancellationToken)
    {
        var configuration = AppConfiguration.Build(overrides);
        using var logger = LoggingSetup.CreateLogger(configuration);
        await using var app = WorkerApp.Build(configuration, new SerilogLoggerProvider(logger));

        await DatabaseStartup.MigrateAsync(
            configuration, app.Services.GetRequiredService<NpgsqlDataSource>(), app.Services.GetRequiredService<ILogger<MigrationRunner>>(), cancellationToken).ConfigureAwait(false);
        if (app.Services.GetRequiredService<TelegramSettings>().Enabled)
        {
            try
            {
                // A wrong token stops the start here, with a clear error, rather than failing in a loop later.
                await app.Services.GetRequiredService<TelegramBot>().ConnectAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (TelegramUnreachableException e)
            {
                // An outage must not keep the exit rules from running: start degraded (/health says so), the poller retries.
                app.Services.GetRequiredService<TelegramPollStatus>().Failed($"not connected: {e.Message}", app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
                LogBotDegraded(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WorkerHost)), e.Message);
            }
        }
        else
        {
            LogBotOff(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WorkerHost)));
        }

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            // Taken since ListenPorts checked it: still one line naming the setting, not a trace.
            throw new InvalidConfigurationException([$"{e.Message} Choose another port with --{ServiceSettings.SectionName}:{nameof(ServiceSettings.Urls)}=http://127.0.0.1:PORT."]);
        }
        await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram unreachable at start-up, starting DEGRADED (the bot retries with backoff; approvals via CLI/API until then): {Reason}")]
    private static partial void LogBotDegraded(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram bot off (no Telegram:BotToken / TELEGRAM_BOT_TOKEN): approvals come from the CLI (optauto proposals approve|reject) or the dashboard/API with Service:ApiToken; alerts are written to this log (Alerts:Channel)")]
    private static partial void LogBotOff(ILogger logger);
}
