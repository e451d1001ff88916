using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OptionsAutomation.Hosting;
using OptionsAutomation.Infrastructure.Postgres;
using Serilog.Extensions.Logging;

namespace OptionsAutomation.Worker;

/// <summary><c>optauto run</c>: migrates, then hosts the worker until stopped.</summary>
internal static class WorkerHost
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
        var jobs = configuration.GetSection(JobSettings.SectionName).Get<JobSettings>() ?? new JobSettings();
        builder.Services.AddTradingJobs(jobs, PostgresConnection.Resolve(configuration));
        using var host = builder.Build();

        await DatabaseStartup.MigrateAsync(configuration, host.Services.GetRequiredService<MigrationRunner>(), cancellationToken).ConfigureAwait(false);
        await host.RunAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }
}
