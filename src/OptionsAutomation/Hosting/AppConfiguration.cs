using Microsoft.Extensions.Configuration;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Infrastructure.Telegram;

namespace OptionsAutomation.Hosting;

/// <summary>
/// Configuration layers, lowest first: appsettings.json next to the binary (the root file, copied at
/// build), appsettings.{Environment}.json, command defaults, environment variables (Section__Key),
/// then command-line overrides written <c>--Section:Key=value</c>.
/// </summary>
public static class AppConfiguration
{
    /// <summary>The environment name: OPTAUTO_ENVIRONMENT, else DOTNET_ENVIRONMENT, else Production.</summary>
    public static string EnvironmentName =>
        Environment.GetEnvironmentVariable("OPTAUTO_ENVIRONMENT")
        ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
        ?? "Production";

    /// <summary>
    /// Separates configuration overrides (<c>--Section:Key=value</c>: a colon before the equals sign, which
    /// no CLI option has) from the command's own arguments.
    /// </summary>
    public static (IReadOnlyList<string> Overrides, string[] CommandArgs) SplitArguments(string[] args)
    {
        static bool IsOverride(string a) =>
            a.StartsWith("--", StringComparison.Ordinal) && a.IndexOf(':', StringComparison.Ordinal) is > 2 and var colon
            && a.IndexOf('=', StringComparison.Ordinal) > colon;

        return ([.. args.Where(IsOverride)], [.. args.Where(a => !IsOverride(a))]);
    }

    public static IReadOnlyDictionary<string, string?> EnvironmentVariables() =>
        Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value, StringComparer.Ordinal);

    /// <exception cref="Infrastructure.InvalidConfigurationException">a key in a bound section that is no setting, or a value that does not convert.</exception>
    public static IConfigurationRoot Build(IReadOnlyList<string> overrides, IReadOnlyDictionary<string, string?>? commandDefaults = null)
    {
        var baseDirectory = AppContext.BaseDirectory;
        var configuration = new ConfigurationBuilder()
            .SetBasePath(baseDirectory)
            .AddJsonFile("appsettings.json", optional: false, reloadOnChange: false)
            .AddJsonFile($"appsettings.{EnvironmentName}.json", optional: true, reloadOnChange: false)
            .AddInMemoryCollection(commandDefaults ?? new Dictionary<string, string?>())
            // The documented short forms (RISK_MAX_DAILY_LOSS, …) sit just below Risk__MaxDailyLoss, which wins.
            .AddInMemoryCollection(RiskEnvironment.Map(EnvironmentVariables()))
            // TELEGRAM_BOT_TOKEN and TELEGRAM_APPROVER_IDS=111,222 likewise, below Telegram__BotToken.
            .AddInMemoryCollection(TelegramEnvironment.Map(EnvironmentVariables()))
            .AddEnvironmentVariables()
            .AddCommandLine([.. overrides])
            .Build();
        Settings.SettingsCheck.Validate(configuration);
        return configuration;
    }
}
