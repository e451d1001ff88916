using System.Globalization;
using OptionsAutomation.Core.Risk;

namespace OptionsAutomation.Core.Tests.Risk;

public sealed class RiskSettingsTests
{
    [Fact]
    public void Defaults_AreValidAndAsDocumented()
    {
        var settings = new RiskSettings();

        Assert.Equal("Risk", RiskSettings.SectionName);
        Assert.Equal(100_000m, settings.MaxOrderNotional);
        Assert.Equal(50m, settings.MaxOrderNotionalPercent);
        Assert.Equal(2_000m, settings.MaxDailyLoss);
        Assert.Equal(2m, settings.MaxDailyLossPercent);
        Assert.Equal(5, settings.MaxPositions);
        Assert.Equal(400_000m, settings.MaxTotalExposure);
        Assert.Equal(80m, settings.MaxExposurePercent);
        Assert.Equal(5m, settings.MaxPriceDeviationPercent);
        Assert.Equal(10, settings.MaxQuoteAgeMinutes);
        Assert.Equal(3, settings.MaxConsecutiveLosses);
        Assert.Equal(5, settings.MaxConsecutiveErrors);
        Assert.Equal(30, settings.CircuitBreakerCooldownMinutes);
        Assert.Equal(10, settings.MaxOrdersPerMinute);
        Assert.Empty(settings.Validate());
    }

    [Theory]
    [InlineData(nameof(RiskSettings.MaxOrderNotional), "0", "Risk:MaxOrderNotional must be above 0, was 0.")]
    [InlineData(nameof(RiskSettings.MaxOrderNotional), "-1", "Risk:MaxOrderNotional must be above 0, was -1.")]
    [InlineData(nameof(RiskSettings.MaxDailyLoss), "-500", "Risk:MaxDailyLoss must be above 0, was -500.")]
    [InlineData(nameof(RiskSettings.MaxTotalExposure), "0", "Risk:MaxTotalExposure must be above 0, was 0.")]
    [InlineData(nameof(RiskSettings.MaxOrderNotionalPercent), "0", "Risk:MaxOrderNotionalPercent must be a percentage in (0, 100], was 0.")]
    [InlineData(nameof(RiskSettings.MaxOrderNotionalPercent), "100.5", "Risk:MaxOrderNotionalPercent must be a percentage in (0, 100], was 100.5.")]
    [InlineData(nameof(RiskSettings.MaxDailyLossPercent), "-2", "Risk:MaxDailyLossPercent must be a percentage in (0, 100], was -2.")]
    [InlineData(nameof(RiskSettings.MaxExposurePercent), "150", "Risk:MaxExposurePercent must be a percentage in (0, 100], was 150.")]
    [InlineData(nameof(RiskSettings.MaxPriceDeviationPercent), "0", "Risk:MaxPriceDeviationPercent must be a percentage in (0, 100], was 0.")]
    public void Validate_BadAmountOrPercent_NamesTheKey(string key, string value, string message)
    {
        var settings = With(key, decimal.Parse(value, CultureInfo.InvariantCulture));

        Assert.Equal([message], settings.Validate());
    }

    [Theory]
    [InlineData(nameof(RiskSettings.MaxPositions), 0, "Risk:MaxPositions must be above 0, was 0.")]
    [InlineData(nameof(RiskSettings.MaxQuoteAgeMinutes), 0, "Risk:MaxQuoteAgeMinutes must be above 0, was 0.")]
    [InlineData(nameof(RiskSettings.MaxConsecutiveLosses), -1, "Risk:MaxConsecutiveLosses must be above 0, was -1.")]
    [InlineData(nameof(RiskSettings.MaxConsecutiveErrors), 0, "Risk:MaxConsecutiveErrors must be above 0, was 0.")]
    [InlineData(nameof(RiskSettings.CircuitBreakerCooldownMinutes), -1, "Risk:CircuitBreakerCooldownMinutes must not be negative, was -1.")]
    [InlineData(nameof(RiskSettings.MaxOrdersPerMinute), 0, "Risk:MaxOrdersPerMinute must be above 0, was 0.")]
    public void Validate_BadCount_NamesTheKey(string key, int value, string message)
    {
        Assert.Equal([message], With(key, value).Validate());
    }

    [Fact]
    public void Validate_PercentOfExactly100_AndZeroCooldown_AreValid()
    {
        var settings = new RiskSettings
        {
            MaxOrderNotionalPercent = 100m,
            MaxDailyLossPercent = 100m,
            MaxExposurePercent = 100m,
            MaxPriceDeviationPercent = 100m,
            CircuitBreakerCooldownMinutes = 0,
        };

        Assert.Empty(settings.Validate());
    }

    [Fact]
    public void Validate_ReportsEveryBadKeyInDeclarationOrder()
    {
        var settings = new RiskSettings { MaxOrderNotional = 0m, MaxPositions = 0, MaxExposurePercent = 101m, MaxOrdersPerMinute = 0 };

        Assert.Equal(
            ["Risk:MaxOrderNotional", "Risk:MaxPositions", "Risk:MaxExposurePercent", "Risk:MaxOrdersPerMinute"],
            settings.Validate().Select(e => e[..e.IndexOf(' ', StringComparison.Ordinal)]));
    }

    private static RiskSettings With(string key, decimal value) => key switch
    {
        nameof(RiskSettings.MaxOrderNotional) => new() { MaxOrderNotional = value },
        nameof(RiskSettings.MaxOrderNotionalPercent) => new() { MaxOrderNotionalPercent = value },
        nameof(RiskSettings.MaxDailyLoss) => new() { MaxDailyLoss = value },
        nameof(RiskSettings.MaxDailyLossPercent) => new() { MaxDailyLossPercent = value },
        nameof(RiskSettings.MaxTotalExposure) => new() { MaxTotalExposure = value },
        nameof(RiskSettings.MaxExposurePercent) => new() { MaxExposurePercent = value },
        nameof(RiskSettings.MaxPriceDeviationPercent) => new() { MaxPriceDeviationPercent = value },
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "not a decimal key"),
    };

    private static RiskSettings With(string key, int value) => key switch
    {
        nameof(RiskSettings.MaxPositions) => new() { MaxPositions = value },
        nameof(RiskSettings.MaxQuoteAgeMinutes) => new() { MaxQuoteAgeMinutes = value },
        nameof(RiskSettings.MaxConsecutiveLosses) => new() { MaxConsecutiveLosses = value },
        nameof(RiskSettings.MaxConsecutiveErrors) => new() { MaxConsecutiveErrors = value },
        nameof(RiskSettings.CircuitBreakerCooldownMinutes) => new() { CircuitBreakerCooldownMinutes = value },
        nameof(RiskSettings.MaxOrdersPerMinute) => new() { MaxOrdersPerMinute = value },
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "not an int key"),
    };
}
