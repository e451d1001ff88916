namespace OptionsAutomation.Infrastructure.Brokers;

/// <summary><c>Broker:Provider</c>: where orders go. Paper is the default; anything else must be asked for by name.</summary>
public static class BrokerProvider
{
    public const string Key = "Broker:Provider";

    public const string Paper = "paper";

    public const string TradeStation = "tradestation";

    /// <summary>The configured provider in lower case; an unknown name stops start-up naming the key.</summary>
    public static string Read(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var value = configuration[Key];
        var provider = string.IsNullOrWhiteSpace(value) ? Paper : value.Trim().ToLowerInvariant();
        return provider is Paper or TradeStation
            ? provider
            : throw new InvalidConfigurationException([$"{Key} must be {Paper} or {TradeStation}, was '{value}'."]);
    }
}
