using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OptionsAutomation.Hosting;
using OptionsAutomation.Infrastructure.Postgres;
using OptionsAutomation.Infrastructure.Telegram;
using Serilog.Extensions.Logging;

namespace OptionsAutomation.Worker;

/// <summary><c>optauto run</c>: migrates, then hosts the worker until stopped.</summary>
internal static partial class WorkerHost
{
    public static async Task<int> RunAsync(IReadOnlyList<string> overrides, CancellationToken cancellationToken)
    {
        var configuration = AppConfiguration.Build(overrides);
        using var logger = LoggingSetup.CreateLogger(configuration);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = AppConfiguration.EnvironmentName,
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = true,
        });
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.ClearProviders().AddProvider(new SerilogLoggerProvider(logger));
        builder.Services.AddOptionsAutomation(configuration);
        builder.Services.AddHostedService<StartupReport>();
        builder.Services.AddHostedService<AuditExportService>();
        var telegram = TelegramRegistration.ReadTelegram(configuration);
        if (builder.Services.AddTelegram(telegram))
        {
            builder.Services.AddHostedService<TelegramPollingService>();
        }

        var jobs = configuration.GetSection(JobSettings.SectionName).Get<JobSettings>() ?? new JobSettings();
        builder.Services.AddTradingJobs(jobs, PostgresConnection.Resolve(configuration));
        using var host = builder.Build();

        await DatabaseStartup.MigrateAsync(configuration, host.Services.GetRequiredService<MigrationRunner>(), cancellationToken).ConfigureAwait(false);
        if (telegram.Enabled)
        {
            // A wrong token stops the start here, with a clear error, rather than failing in a loop later.
            await host.Services.GetRequiredService<TelegramBot>().ConnectAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            LogBotOff(host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WorkerHost)));
        }

        await host.RunAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram bot off (no Telegram:BotToken / TELEGRAM_BOT_TOKEN): approvals are CLI-only (optauto proposals approve|reject)")]
    private static partial void LogBotOff(ILogger logger);
}
