using OptionsAutomation.Core.Risk;

namespace OptionsAutomation.Core.Tests.Risk;

public sealed class RiskEnvironmentTests
{
    [Fact]
    public void Map_DocumentedShortForms_BecomeRiskKeys()
    {
        var environment = new Dictionary<string, string?>
        {
            ["RISK_MAX_DAILY_LOSS"] = "500",
            ["RISK_MAX_POSITIONS"] = "5",
            ["RISK_MAX_CONSECUTIVE_LOSSES"] = "3",
            ["PATH"] = "/usr/bin",
            ["Risk__MaxDailyLoss"] = "700",
        };

        var mapped = RiskEnvironment.Map(environment);

        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["Risk:MaxDailyLoss"] = "500",
                ["Risk:MaxPositions"] = "5",
                ["Risk:MaxConsecutiveLosses"] = "3",
            },
            mapped);
    }

    [Fact]
    public void ShortForms_CoverEverySetting()
    {
        // Every gate setting, and every portfolio-risk setting but the scenario list (no scalar to set from one variable).
        var expected = typeof(RiskSettings).GetProperties().Select(p => p.Name)
            .Concat(typeof(OptionsAutomation.Core.Risk.Portfolio.PortfolioRiskSettings).GetProperties()
                .Where(p => p.CanWrite && p.Name != nameof(OptionsAutomation.Core.Risk.Portfolio.PortfolioRiskSettings.StressScenarios)).Select(p => p.Name))
            .Select(name => $"Risk:{name}").Order(StringComparer.Ordinal);

        Assert.Equal(expected, RiskEnvironment.ShortForms.Values.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("RISK_MAX_ORDER_NOTIONAL", "Risk:MaxOrderNotional")]
    [InlineData("RISK_MAX_ORDER_NOTIONAL_PERCENT", "Risk:MaxOrderNotionalPercent")]
    [InlineData("RISK_MAX_DAILY_LOSS_PERCENT", "Risk:MaxDailyLossPercent")]
    [InlineData("RISK_MAX_TOTAL_EXPOSURE", "Risk:MaxTotalExposure")]
    [InlineData("RISK_MAX_EXPOSURE_PERCENT", "Risk:MaxExposurePercent")]
    [InlineData("RISK_MAX_PRICE_DEVIATION_PERCENT", "Risk:MaxPriceDeviationPercent")]
    [InlineData("RISK_MAX_QUOTE_AGE_MINUTES", "Risk:MaxQuoteAgeMinutes")]
    [InlineData("RISK_MAX_CONSECUTIVE_ERRORS", "Risk:MaxConsecutiveErrors")]
    [InlineData("RISK_CIRCUIT_BREAKER_COOLDOWN_MINUTES", "Risk:CircuitBreakerCooldownMinutes")]
    [InlineData("RISK_MAX_ORDERS_PER_MINUTE", "Risk:MaxOrdersPerMinute")]
    public void Map_OtherShortForms(string name, string key)
    {
        var mapped = RiskEnvironment.Map(new Dictionary<string, string?> { [name] = "7" });

        Assert.Equal(new Dictionary<string, string?> { [key] = "7" }, mapped);
    }

    [Fact]
    public void Map_EmptyValue_IsPassedOnForValidationToRefuse()
    {
        var mapped = RiskEnvironment.Map(new Dictionary<string, string?> { ["RISK_MAX_POSITIONS"] = null });

        Assert.Equal(new Dictionary<string, string?> { ["Risk:MaxPositions"] = null }, mapped);
    }

    [Fact]
    public void Unrecognised_ListsRiskVariablesThatMapToNothing_ButNotTheSectionForm()
    {
        var environment = new Dictionary<string, string?>
        {
            ["RISK_MAX_LEVERAGE"] = "3",
            ["risk_max_positions"] = "5",
            ["RISK_MAX_PRICE_DEVIATION"] = "0.05",
            ["RISK_MAX_POSITIONS"] = "5",
            ["Risk__MaxDailyLoss"] = "1500",
            ["RISK__MaxPositions"] = "4",
            ["HOME"] = "/root",
        };

        Assert.Equal(["RISK_MAX_LEVERAGE", "RISK_MAX_PRICE_DEVIATION", "risk_max_positions"], RiskEnvironment.Unrecognised(environment));
        Assert.Equal(new Dictionary<string, string?> { ["Risk:MaxPositions"] = "5" }, RiskEnvironment.Map(environment));
    }
}
