using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OptionsAutomation.Core.Reconciliation;
using OptionsAutomation.Hosting;
using OptionsAutomation.Infrastructure;
using OptionsAutomation.Infrastructure.Postgres;
using OptionsAutomation.Infrastructure.Telegram;
using OptionsAutomation.Web;

namespace OptionsAutomation.Worker;

/// <summary>
/// The composition of <c>optauto run</c>: the trading services, the Quartz jobs, the audit export, the Telegram
/// bot when a token is set, and the Position Service (API and dashboard) on <c>Service:Urls</c>. Tests build the
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
        builder.Services.AddOptionsAutomation(configuration);
        builder.Services.AddHostedService<StartupReport>();
        builder.Services.AddHostedService<AuditExportService>();
        if (builder.Services.AddTelegram(telegram))
        {
            builder.Services.AddHostedService<TelegramPollingService>();
            builder.Services.AddHostedService<TelegramOutboxService>();
        }

        var jobs = configuration.GetSection(JobSettings.SectionName).Get<JobSettings>() ?? new JobSettings();
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
