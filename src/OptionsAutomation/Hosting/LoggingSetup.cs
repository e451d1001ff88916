using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Settings.Configuration;

namespace OptionsAutomation.Hosting;

/// <summary>Serilog from the <c>Serilog</c> section: console (stderr) plus a daily rolling JSON file under logs/.</summary>
public static class LoggingSetup
{
    /// <summary>
    /// CLI verbs keep the console to errors (they print their own warnings) so their output stays readable; the worker logs
    /// everything. Applied beneath environment variables, so either can still be overridden.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> QuietConsole { get; } = new Dictionary<string, string?>
    {
        ["Serilog:WriteTo:Console:Args:restrictedToMinimumLevel"] = "Error",
    };

    /// <summary>
    /// The assemblies whose sinks the <c>Serilog</c> section may name. Given, not discovered: discovery reads the
    /// dependency manifest (Microsoft.Extensions.DependencyModel), a tenth of a CLI verb's start-up.
    /// </summary>
    private static readonly ConfigurationReaderOptions SinkAssemblies = new(
        typeof(ConsoleLoggerConfigurationExtensions).Assembly,
        typeof(FileLoggerConfigurationExtensions).Assembly);

    public static Serilog.Core.Logger CreateLogger(IConfiguration configuration) =>
        new LoggerConfiguration()
            .ReadFrom.Configuration(configuration, SinkAssemblies)
            .Enrich.WithProperty("app", "optauto")
            .CreateLogger();
}
