using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OptionsAutomation.Hosting;
using Serilog.Extensions.Logging;

namespace OptionsAutomation.Cli;

/// <summary>Configuration, logging and services for one CLI verb, built only when the verb runs.</summary>
internal sealed class CliServices : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private CliServices(ServiceProvider provider) => _provider = provider;

    public static CliServices Create(IReadOnlyList<string> overrides)
    {
        var configuration = AppConfiguration.Build(overrides, LoggingSetup.QuietConsole);
        var logger = LoggingSetup.CreateLogger(configuration);
        var services = new ServiceCollection()
            .AddLogging(builder => builder.ClearProviders().AddProvider(new SerilogLoggerProvider(logger, dispose: true)))
            .AddOptionsAutomation(configuration);
        return new CliServices(services.BuildServiceProvider());
    }

    /// <summary>
    /// The same configuration and services, logging nowhere: for reading and validating settings only (a sweep builds
    /// one per combination, and that many file loggers in one process would contend for one log file).
    /// </summary>
    public static CliServices CreateUnlogged(IReadOnlyList<string> overrides) =>
        new(new ServiceCollection().AddLogging().AddOptionsAutomation(AppConfiguration.Build(overrides, LoggingSetup.QuietConsole)).BuildServiceProvider());

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
