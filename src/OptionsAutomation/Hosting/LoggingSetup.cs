using Microsoft.Extensions.Configuration;
using Serilog;

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

    public static Serilog.Core.Logger CreateLogger(IConfiguration configuration) =>
        new LoggerConfiguration()
            .ReadFrom.Configuration(configuration)
            .Enrich.WithProperty("app", "optauto")
            .CreateLogger();
}
