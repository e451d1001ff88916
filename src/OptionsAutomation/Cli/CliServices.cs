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

    /// <param name="defaults">Settings of the verb's own (a backtest profile), below environment variables and the command line.</param>
    public static CliServices Create(IReadOnlyList<string> overrides, IReadOnlyDictionary<string, string?>? defaults = null)
    {
        var configuration = AppConfiguration.Build(overrides, Layered(defaults));
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
    public static CliServices CreateUnlogged(IReadOnlyList<string> overrides, IReadOnlyDictionary<string, string?>? defaults = null) =>
        new(new ServiceCollection().AddLogging().AddOptionsAutomation(AppConfiguration.Build(overrides, Layered(defaults))).BuildServiceProvider());

    /// <summary>The quiet console under the verb's own defaults.</summary>
    private static Dictionary<string, string?> Layered(IReadOnlyDictionary<string, string?>? defaults)
    {
        var layered = new Dictionary<string, string?>(LoggingSetup.QuietConsole, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in defaults ?? new Dictionary<string, string?>())
        {
            layered[key] = value;
        }

        return layered;
    }

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
