using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OptionsAutomation.Core.Reconciliation;
using OptionsAutomation.Hosting;
using OptionsAutomation.Infrastructure;
using OptionsAutomation.Infrastructure.Outbox;
using OptionsAutomation.Infrastructure.Publishing;
using OptionsAutomation.Infrastructure.Postgres;
using OptionsAutomation.Infrastructure.Telegram;
using OptionsAutomation.Web;

namespace OptionsAutomation.Worker;

/// <summary>
/// The composition of <c>optauto run</c>: the trading services, the Quartz jobs, the audit export, the Telegram
/// bot when a token is set, the alert channel (Telegram or the log), and the Position Service (API and dashboard) on <c>Service:Urls</c>. Tests build the
/// same application, with their own configuration, to exercise it over real HTTP; <c>overrides</c> lets them
/// replace a registration (a fixed clock for replayed market data) after the worker's own.
/// </summary>
internal static class WorkerApp
{
    /// <param name="replaceServices">for tests: registrations applied last (a clock of their own), so they win.</param>
    public static WebApplication Build(IConfiguration configuration, ILoggerProvider logging, Action<IServiceCollection>? replaceServices = null)
    {
        var service = configuration.GetSection(ServiceSettings.SectionName).Get<ServiceSettings>() ?? new ServiceSettings();
        var serviceErrors = service.Validate();
        if (serviceErrors.Count > 0)
        {
            throw new InvalidConfigurationException(serviceErrors);
        }

        ListenPorts.EnsureFree(service);

        var telegram = TelegramRegistration.ReadTelegram(configuration);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            EnvironmentName = AppConfiguration.EnvironmentName,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.ClearProviders().AddProvider(logging);
        builder.WebHost.UseUrls(service.Urls);
        builder.Services.AddSingleton(service);
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = WorkerHost.ShutdownTimeout);
        builder.Services.AddOptionsAutomation(configuration);
        builder.Services.AddHostedService<StartupReport>();
        builder.Services.AddHostedService<AuditExportService>();
        var alerts = configuration.GetSection(AlertSettings.SectionName).Get<AlertSettings>() ?? new AlertSettings();
        if (alerts.Validate(telegram.Enabled) is { Count: > 0 } alertErrors)
        {
            throw new InvalidConfigurationException(alertErrors);
        }

        builder.Services.AddSingleton(alerts);
        if (builder.Services.AddTelegram(telegram))
        {
            builder.Services.AddHostedService<TelegramPollingService>();
        }

        if (alerts.Resolve(telegram.Enabled) == AlertSettings.Telegram)
        {
            builder.Services.AddHostedService<TelegramOutboxService>();
        }
        else
        {
            builder.Services.AddSingleton<LogAlertDelivery>();
            builder.Services.AddHostedService<LogAlertService>();
        }

        if (configuration.GetSection(PublishingSettings.SectionName).Get<PublishingSettings>() is { WebhookEnabled: true })
        {
            builder.Services.AddHostedService<WebhookOutboxService>();
        }

        var jobs = configuration.GetSection(JobSettings.SectionName).Get<JobSettings>() ?? new JobSettings();
        if (jobs.Validate() is { Count: > 0 } jobErrors)
        {
            throw new InvalidConfigurationException(jobErrors);
        }

        builder.Services.AddSingleton(jobs);
        var reconcile = configuration.GetSection(ReconciliationSettings.SectionName).Get<ReconciliationSettings>() ?? new ReconciliationSettings();
        builder.Services.AddTradingJobs(jobs, reconcile.Cron, PostgresConnection.Resolve(configuration));
        builder.Services.AddPositionService();
        replaceServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapPositionService();
        return app;
    }
}
