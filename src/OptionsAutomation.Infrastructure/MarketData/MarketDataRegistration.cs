using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Infrastructure.MarketData.Csv;
using OptionsAutomation.Infrastructure.MarketData.Synthetic;

namespace OptionsAutomation.Infrastructure.MarketData;

/// <summary>Chooses the <see cref="IMarketData"/> adapter from <c>MarketData:Provider</c>.</summary>
public static class MarketDataRegistration
{
    public const string ProviderKey = "MarketData:Provider";
    public const string SyntheticProvider = "synthetic";
    public const string CsvProvider = "csv";

    public static IReadOnlyList<string> Providers { get; } = [SyntheticProvider, CsvProvider];

    /// <summary>
    /// Registers the configured provider (<c>synthetic</c> when the key is absent or blank) as the singleton
    /// <see cref="IMarketData"/>. Settings are read and checked here, so a bad value stops start-up naming the
    /// key; CSV files are only read on the first query.
    /// </summary>
    public static IServiceCollection AddMarketData(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = configuration[ProviderKey]?.Trim();
        if (string.IsNullOrEmpty(provider) || string.Equals(provider, SyntheticProvider, StringComparison.OrdinalIgnoreCase))
        {
            var settings = Validated(
                configuration.GetSection(SyntheticMarketDataSettings.SectionName).Get<SyntheticMarketDataSettings>() ?? new SyntheticMarketDataSettings(),
                s => s.Validate());
            services.AddSingleton<IMarketData>(new SyntheticMarketData(settings));
            return services;
        }

        if (string.Equals(provider, CsvProvider, StringComparison.OrdinalIgnoreCase))
        {
            var settings = Validated(
                configuration.GetSection(CsvMarketDataSettings.SectionName).Get<CsvMarketDataSettings>() ?? new CsvMarketDataSettings(),
                s => s.Validate());
            services.AddSingleton<IMarketData>(sp => new CsvMarketData(settings, sp.GetRequiredService<ILogger<CsvMarketData>>()));
            return services;
        }

        throw new InvalidConfigurationException(
            [$"{ProviderKey} is '{provider}'; valid values are {string.Join(", ", Providers.Select(p => $"'{p}'"))}."]);
    }

    private static T Validated<T>(T settings, Func<T, IReadOnlyList<string>> validate)
    {
        var errors = validate(settings);
        return errors.Count == 0 ? settings : throw new InvalidConfigurationException(errors);
    }
}
