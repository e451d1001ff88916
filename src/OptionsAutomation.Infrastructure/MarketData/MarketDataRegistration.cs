using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Infrastructure.MarketData.Csv;

namespace OptionsAutomation.Infrastructure.MarketData;

/// <summary>Chooses the <see cref="IMarketData"/> adapter from <c>MarketData:Provider</c>.</summary>
public static class MarketDataRegistration
{
    public const string ProviderKey = "MarketData:Provider";
    public const string CsvProvider = "csv";

    public static IReadOnlyList<string> Providers { get; } = [CsvProvider];

    /// <summary>
    /// Registers the configured provider as the singleton <see cref="IMarketData"/>. Settings are read and
    /// checked here, so a bad value stops start-up naming the key; files are only read on the first query.
    /// </summary>
    public static IServiceCollection AddMarketData(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = configuration[ProviderKey]?.Trim();
        if (string.Equals(provider, CsvProvider, StringComparison.OrdinalIgnoreCase))
        {
            var settings = Validated(
                configuration.GetSection(CsvMarketDataSettings.SectionName).Get<CsvMarketDataSettings>() ?? new CsvMarketDataSettings(),
                s => s.Validate());
            services.AddSingleton<IMarketData>(sp => new CsvMarketData(settings, sp.GetRequiredService<ILogger<CsvMarketData>>()));
            return services;
        }

        throw new InvalidOperationException(
            $"{ProviderKey} is '{provider}'; valid values are {string.Join(", ", Providers.Select(p => $"'{p}'"))}.");
    }

    private static T Validated<T>(T settings, Func<T, IReadOnlyList<string>> validate)
    {
        var errors = validate(settings);
        return errors.Count == 0 ? settings : throw new InvalidOperationException("invalid configuration: " + string.Join(" ", errors));
    }
}
