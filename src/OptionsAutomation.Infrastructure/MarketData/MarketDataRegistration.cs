using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Brokers.TradeStation;
using OptionsAutomation.Infrastructure.MarketData.Csv;
using OptionsAutomation.Infrastructure.MarketData.Synthetic;
using OptionsAutomation.Infrastructure.MarketData.TradeStation;

namespace OptionsAutomation.Infrastructure.MarketData;

/// <summary>Chooses the <see cref="IMarketData"/> adapter from <c>MarketData:Provider</c>.</summary>
public static class MarketDataRegistration
{
    public const string ProviderKey = "MarketData:Provider";
    public const string SyntheticProvider = "synthetic";
    public const string CsvProvider = "csv";
    public const string TradeStationProvider = "tradestation";

    public static IReadOnlyList<string> Providers { get; } = [SyntheticProvider, CsvProvider, TradeStationProvider];

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

        if (string.Equals(provider, TradeStationProvider, StringComparison.OrdinalIgnoreCase))
        {
            var settings = Validated(
                configuration.GetSection(TradeStationMarketDataSettings.SectionName).Get<TradeStationMarketDataSettings>() ?? new TradeStationMarketDataSettings(),
                s => s.Validate());
            // The watchlist's tickers ride along with every quote request; the open positions' legs too (when there is a store).
            string[] watchlist = [.. configuration.GetSection($"{ProposalSettings.SectionName}:{nameof(ProposalSettings.Watchlist)}").GetChildren()
                .Select(c => c.Key.ToUpperInvariant())];
            services.AddTradeStationConnection(configuration);
            services.AddSingleton<IMarketData>(sp => new TradeStationMarketData(
                sp.GetRequiredService<TradeStationClient>(), sp.GetRequiredService<TradeStationSettings>(), settings, watchlist, sp.GetService<IPositionStore>(),
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<TradeStationMarketData>>()));
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
