using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Infrastructure;
using OptionsAutomation.Infrastructure.MarketData;
using OptionsAutomation.Infrastructure.MarketData.Csv;
using OptionsAutomation.Infrastructure.MarketData.Synthetic;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.MarketData;

public sealed class MarketDataRegistrationTests
{
    [Fact]
    public async Task NoProvider_IsSynthetic_WithItsDefaultUnderlyings()
    {
        var marketData = Resolve([]);

        Assert.IsType<SyntheticMarketData>(marketData);
        var origin = new SyntheticMarketDataSettings().Origin;
        Assert.Equal(580m, (await marketData.GetUnderlyingQuoteAsync("SPY", origin, CancellationToken.None))?.Last);
    }

    [Fact]
    public void RootAppSettings_HoldTheCodeDefaults()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(RepositoryRoot.Path, "appsettings.json")).Build();
        var code = new SyntheticMarketDataSettings();

        var file = configuration.GetSection(SyntheticMarketDataSettings.SectionName).Get<SyntheticMarketDataSettings>()!;

        Assert.Equal("synthetic", configuration[MarketDataRegistration.ProviderKey]);
        Assert.Equal((code.Seed, code.Origin, code.RiskFreeRate), (file.Seed, file.Origin, file.RiskFreeRate));
        Assert.Equal(code.Underlyings.OrderBy(u => u.Key), file.Underlyings.OrderBy(u => u.Key));
    }

    [Fact]
    public async Task Synthetic_TakesUnderlyingsAndSeedFromConfiguration()
    {
        var origin = new DateTimeOffset(2025, 6, 2, 13, 30, 0, TimeSpan.Zero);
        var marketData = Resolve(new()
        {
            ["MarketData:Provider"] = "Synthetic",
            ["MarketData:Synthetic:Origin"] = "2025-06-02T13:30:00Z",
            ["MarketData:Synthetic:Underlyings:SPY:Price"] = "600",
            ["MarketData:Synthetic:Underlyings:DIA:Price"] = "420.5",
            ["MarketData:Synthetic:Underlyings:DIA:Volatility"] = "0.15",
        });

        Assert.Equal(600m, (await marketData.GetUnderlyingQuoteAsync("SPY", origin, CancellationToken.None))?.Last);
        Assert.Equal(420.5m, (await marketData.GetUnderlyingQuoteAsync("DIA", origin, CancellationToken.None))?.Last);
        Assert.Equal(500m, (await marketData.GetUnderlyingQuoteAsync("QQQ", origin, CancellationToken.None))?.Last);
    }

    [Fact]
    public void Synthetic_WithABadSetting_StopsNamingTheKey()
    {
        var error = Assert.Throws<InvalidConfigurationException>(() => Resolve(new() { ["MarketData:Synthetic:Underlyings:QQQ:Volatility"] = "0" }));

        Assert.Contains("MarketData:Synthetic:Underlyings:QQQ:Volatility must be in (0, 3], was 0.", error.Message);
    }

    [Fact]
    public async Task Csv_ReadsTheFilesNamedInConfiguration()
    {
        var marketData = Resolve(new()
        {
            ["MarketData:Provider"] = "csv",
            ["MarketData:Csv:ChainFiles:0"] = MarketDataFiles.SpyOptions2021,
            ["MarketData:Csv:UnderlyingFiles:SPY"] = MarketDataFiles.SpyStock2021,
        });

        var csv = Assert.IsType<CsvMarketData>(marketData);
        var spy = await csv.GetUnderlyingQuoteAsync("SPY", new DateTimeOffset(2021, 1, 5, 21, 0, 0, TimeSpan.Zero), CancellationToken.None);
        Assert.Equal(1, (await csv.LoadAsync(CancellationToken.None)).UnderlyingFiles);
        Assert.Equal(371.33m, spy?.Last);
    }

    [Fact]
    public void Csv_WithoutChainFiles_StopsNamingTheKey()
    {
        var error = Assert.Throws<InvalidConfigurationException>(() => Resolve(new() { ["MarketData:Provider"] = "CSV" }));

        Assert.Contains("MarketData:Csv:ChainFiles", error.Message);
    }

    [Fact]
    public void UnknownProvider_StopsNamingTheKeyAndTheValidValues()
    {
        var error = Assert.Throws<InvalidConfigurationException>(() => Resolve(new() { ["MarketData:Provider"] = "bloomberg" }));

        Assert.Contains("MarketData:Provider", error.Message);
        Assert.Contains("'bloomberg'", error.Message);
        Assert.Contains("'csv'", error.Message);
        Assert.Contains("'synthetic'", error.Message);
    }

    private static IMarketData Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddMarketData(configuration).BuildServiceProvider().GetRequiredService<IMarketData>();
    }
}
