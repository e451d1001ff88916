using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace OptionsAutomation.Infrastructure.Brokers.TradeStation;

/// <summary>The TradeStation connection: settings, token store, tokens, budgets and the API client.</summary>
public static class TradeStationRegistration
{
    /// <summary>Binds and validates <c>Broker:TradeStation</c>; invalid settings stop start-up naming each key.</summary>
    public static TradeStationSettings ReadTradeStation(IConfiguration configuration)
    {
        var settings = configuration.GetSection(TradeStationSettings.SectionName).Get<TradeStationSettings>() ?? new TradeStationSettings();
        var errors = settings.Validate();
        return errors.Count == 0 ? settings : throw new InvalidConfigurationException(errors);
    }

    /// <summary>
    /// Adds the connection once (the broker and the market data share it: the quotas and the token are per user).
    /// Settings are read when first needed, so a paper-only setup never has to configure TradeStation.
    /// </summary>
    public static IServiceCollection AddTradeStationConnection(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(_ => ReadTradeStation(configuration));
        services.TryAddSingleton(sp => new RefreshTokenStore(sp.GetRequiredService<TradeStationSettings>(), RefreshTokenStore.ReadEnvironment()));
        services.TryAddSingleton(sp => new RateBudgets(sp.GetRequiredService<TimeProvider>()));
        // Not IHttpClientFactory: its handler logging writes request URLs. Each attempt has its own timeout
        // (RequestTimeoutSeconds), so HttpClient's is off; a stream may stay open for hours.
        services.TryAddSingleton(_ => new TradeStationHttp(new HttpClient { Timeout = Timeout.InfiniteTimeSpan }));
        services.TryAddSingleton(sp => new TradeStationTokens(
            sp.GetRequiredService<TradeStationHttp>().Client, sp.GetRequiredService<TradeStationSettings>(), sp.GetRequiredService<RefreshTokenStore>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<TradeStationTokens>>()));
        services.TryAddSingleton(sp => new TradeStationClient(
            sp.GetRequiredService<TradeStationHttp>().Client, sp.GetRequiredService<TradeStationSettings>(), sp.GetRequiredService<TradeStationTokens>(),
            sp.GetRequiredService<RateBudgets>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<TradeStationClient>>()));
        return services;
    }

    /// <summary>The TradeStation broker and what it needs besides the connection (the account, the order mapping).</summary>
    public static IServiceCollection AddTradeStationBroker(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTradeStationConnection(configuration);
        services.TryAddSingleton<TradeStationAccounts>();
        services.TryAddSingleton<TradeStationOrderLinks>();
        services.TryAddSingleton<TradeStationBroker>();
        return services;
    }
}

/// <summary>The one HttpClient the TradeStation connection uses, wrapped so it is not mistaken for anyone else's.</summary>
public sealed class TradeStationHttp(HttpClient client) : IDisposable
{
    public HttpClient Client { get; } = client;

    public void Dispose() => Client.Dispose();
}
