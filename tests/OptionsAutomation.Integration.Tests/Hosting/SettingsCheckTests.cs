using Microsoft.Extensions.Configuration;
using OptionsAutomation.Hosting.Settings;
using OptionsAutomation.Infrastructure;

namespace OptionsAutomation.Integration.Tests.Hosting;

/// <summary>
/// The settings check in process: the shipped appsettings.json passes it whole (every key it has is a setting some
/// record binds), and each kind of mistake is refused with a message a person can act on.
/// </summary>
public sealed class SettingsCheckTests
{
    [Fact]
    public void TheShippedAppsettings_PassesTheCheck()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build();

        SettingsCheck.Validate(configuration);
    }

    public static TheoryData<string, string, string> Mistakes => new()
    {
        { "Risk:MaxPositions", "abc", "Risk:MaxPositions = 'abc': expected a whole number (the default is 5)." },
        { "Jobs:Enabled", "yes", "Jobs:Enabled = 'yes': expected true or false (the default is true)." },
        { "ExitRules:ProfitTargetFracton", "0.4", "ExitRules:ProfitTargetFracton is not a setting; did you mean ExitRules:ProfitTargetFraction?" },
        { "Broker:Paper:StartingEquty", "5", "Broker:Paper:StartingEquty is not a setting; did you mean Broker:Paper:StartingEquity?" },
        { "Broker:Provder", "paper", "Broker:Provder is not a setting; did you mean Broker:Provider?" },
        { "MarketData:Synthetic:Underlyings:SPY:Volatilty", "0.2", "MarketData:Synthetic:Underlyings:SPY:Volatilty is not a setting; did you mean MarketData:Synthetic:Underlyings:SPY:Volatility?" },
        { "Telegram:AllowedUserIds:0", "alice", "Telegram:AllowedUserIds:0 = 'alice': expected a whole number." },
        { "ExitRule:ProfitTargetFraction", "0.4", "ExitRule is not a section of settings; did you mean ExitRules?" },
        { "Adjustments:RecommendAtScor", "60", "Adjustments:RecommendAtScor is not a setting; did you mean Adjustments:RecommendAtScore?" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void AMistake_IsRefusedNamingKeyAndValue(string key, string value, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build();

        var refused = Assert.Throws<InvalidConfigurationException>(() => SettingsCheck.Validate(configuration));

        Assert.Equal($"invalid configuration: {expected}", refused.Message);
    }

    public static TheoryData<string, string> Allowed => new()
    {
        { "Logging:LogLevel:Default", "Warning" },
        { "Serilog:MinimumLevel:Default", "Debug" },
        { "AllowedHosts", "*" },
        { "ConnectionStrings:Anything", "Host=x" },
        { "Proposals:Watchlist:TSLA:0", "CSP" },
        { "Telegram:Notifications:exit", "silent" },
        { "Pricing:DividendYields:DIA", "0.02" },
        { "Adjustments:Enabled", "false" },
        { "Telegram:ChatId", "" },
        // An environment variable named like a section, with no keys under it, is someone else's.
        { "RISKS", "1" },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void KeysThatAreSettingsOrNotOurs_PassTheCheck(string key, string value)
    {
        SettingsCheck.Validate(new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build());
    }
}
