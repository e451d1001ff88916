using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Infrastructure;
using OptionsAutomation.Infrastructure.Brokers.TradeStation;
using OptionsAutomation.Infrastructure.MarketData;
using OptionsAutomation.Infrastructure.MarketData.TradeStation;
using OptionsAutomation.Integration.Tests.Brokers.TradeStation.Server;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.MarketData.TradeStation;

/// <summary><c>MarketData:Provider=tradestation</c> as the composition builds it from configuration.</summary>
public sealed class TradeStationMarketDataRegistrationTests
{
    [Fact]
    public async Task TheProvider_UsesTheBrokerConnection_AndFetchesTheWatchlistTogether()
    {
        var clock = new RealTimersClock(TsMarket.Now);
        await using var h = await TsMarket.StartAsync(clock);
        var directory = Directory.CreateTempSubdirectory("optauto-tsmd-").FullName;
        try
        {
            var configuration = Configuration(h.Server, directory, new()
            {
                ["MarketData:Provider"] = "TradeStation",
                ["MarketData:TradeStation:CacheSeconds"] = "45",
                ["Proposals:Watchlist:spy:0"] = "CSP",
                ["Proposals:Watchlist:IWM:0"] = "VPC",
            });
            new RefreshTokenStore(TradeStationRegistration.ReadTradeStation(configuration), null).Save(TradeStationServer.InitialRefreshToken);
            var marketData = Resolve(configuration, clock);

            var quote = await Assert.IsType<TradeStationMarketData>(marketData).GetUnderlyingQuoteAsync("QQQ", TsMarket.Now, CancellationToken.None);
            clock.SetUtcNow(TsMarket.Now.AddSeconds(40));
            await marketData.GetUnderlyingQuoteAsync("IWM", clock.GetUtcNow(), CancellationToken.None);

            Assert.Equal(431.1m, quote?.Last);
            var request = Assert.Single(h.Server.Calls("GET", "/marketdata/quotes/"));
            Assert.Equal("/v3/marketdata/quotes/QQQ,IWM,SPY", request.Path);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task ABadSetting_StopsNamingTheKey()
    {
        await using var server = await TradeStationServer.StartAsync();
        var configuration = Configuration(server, Path.GetTempPath(), new()
        {
            ["MarketData:Provider"] = "tradestation",
            ["MarketData:TradeStation:OptionType"] = "Straddle",
            ["MarketData:TradeStation:MaxConcurrentChainStreams"] = "11",
        });

        var error = Assert.Throws<InvalidConfigurationException>(() => Resolve(configuration, TimeProvider.System));

        Assert.Contains("MarketData:TradeStation:OptionType must be Put, Call or All, was 'Straddle'.", error.Message);
        Assert.Contains("MarketData:TradeStation:MaxConcurrentChainStreams must be 1 to 10, was '11'.", error.Message);
    }

    private static IConfiguration Configuration(TradeStationServer server, string directory, Dictionary<string, string?> settings)
    {
        var connection = TsHarnessSettings(server, directory);
        foreach (var (key, value) in connection)
        {
            settings[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }

    private static Dictionary<string, string?> TsHarnessSettings(TradeStationServer server, string directory) => new()
    {
        ["Broker:TradeStation:ClientId"] = TradeStationServer.ClientId,
        ["Broker:TradeStation:ClientSecret"] = TradeStationServer.ClientSecret,
        ["Broker:TradeStation:ApiBaseUrl"] = server.ApiBaseUrl,
        ["Broker:TradeStation:TokenUrl"] = server.BaseUrl,
        ["Broker:TradeStation:KeyRingDirectory"] = Path.Combine(directory, "keys"),
        ["Broker:TradeStation:TokenFile"] = Path.Combine(directory, "token.bin"),
    };

    private static IMarketData Resolve(IConfiguration configuration, TimeProvider clock) =>
        new ServiceCollection().AddLogging().AddSingleton(clock).AddMarketData(configuration).BuildServiceProvider().GetRequiredService<IMarketData>();
}
