using OptionsAutomation.Core.Exits;

namespace OptionsAutomation.Core.Tests;

public sealed class ExitRuleSettingsTests
{
    [Fact]
    public void Defaults_MatchTheDesign()
    {
        var rules = new ExitRuleSettings();

        Assert.Equal("ExitRules", ExitRuleSettings.SectionName);
        Assert.Equal(0.50m, rules.ProfitTargetFraction);
        Assert.Equal(2.0m, rules.CspStopLossMultiple);
        Assert.Equal(2.0m, rules.VpcStopLossMultiple);
        Assert.Equal(21, rules.ExitAtDaysToExpiry);
        Assert.Equal(100, rules.ContractMultiplier);
        Assert.Equal(0m, rules.TrailingActivationFraction);
        Assert.Equal(0m, rules.TimeDecayStartFraction);
        Assert.Empty(rules.Validate());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0.5")]
    [InlineData("1.01")]
    [InlineData("50")]
    public void Validate_ProfitTargetFractionOutsideZeroToOne_NamesKey(string fraction)
    {
        var rules = new ExitRuleSettings { ProfitTargetFraction = decimal.Parse(fraction, System.Globalization.CultureInfo.InvariantCulture) };

        var error = Assert.Single(rules.Validate());

        Assert.StartsWith("ExitRules:ProfitTargetFraction ", error, StringComparison.Ordinal);
        Assert.EndsWith($"was {fraction}.", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("0.01")]
    [InlineData("0.6")]
    public void Validate_ProfitTargetFractionInRange_IsValid(string fraction)
    {
        var rules = new ExitRuleSettings { ProfitTargetFraction = decimal.Parse(fraction, System.Globalization.CultureInfo.InvariantCulture) };

        Assert.Empty(rules.Validate());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void Validate_CspStopLossMultipleNotPositive_NamesKey(int multiple)
    {
        var error = Assert.Single(new ExitRuleSettings { CspStopLossMultiple = multiple }.Validate());

        Assert.StartsWith("ExitRules:CspStopLossMultiple ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Validate_VpcStopLossMultipleNotPositive_NamesKey(int multiple)
    {
        var error = Assert.Single(new ExitRuleSettings { VpcStopLossMultiple = multiple }.Validate());

        Assert.StartsWith("ExitRules:VpcStopLossMultiple ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NegativeExitAtDaysToExpiry_NamesKey_ZeroIsValid()
    {
        var error = Assert.Single(new ExitRuleSettings { ExitAtDaysToExpiry = -1 }.Validate());

        Assert.StartsWith("ExitRules:ExitAtDaysToExpiry ", error, StringComparison.Ordinal);
        Assert.Empty(new ExitRuleSettings { ExitAtDaysToExpiry = 0 }.Validate());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-100)]
    public void Validate_ContractMultiplierNotPositive_NamesKey(int multiplier)
    {
        var error = Assert.Single(new ExitRuleSettings { ContractMultiplier = multiplier }.Validate());

        Assert.StartsWith("ExitRules:ContractMultiplier ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ReportsEveryBadKey()
    {
        var rules = new ExitRuleSettings
        {
            ProfitTargetFraction = 0m,
            CspStopLossMultiple = 0m,
            VpcStopLossMultiple = 0m,
            ExitAtDaysToExpiry = -1,
            ContractMultiplier = 0,
        };

        var errors = rules.Validate();

        Assert.Collection(
            errors,
            e => Assert.StartsWith("ExitRules:ProfitTargetFraction", e, StringComparison.Ordinal),
            e => Assert.StartsWith("ExitRules:CspStopLossMultiple", e, StringComparison.Ordinal),
            e => Assert.StartsWith("ExitRules:VpcStopLossMultiple", e, StringComparison.Ordinal),
            e => Assert.StartsWith("ExitRules:ExitAtDaysToExpiry", e, StringComparison.Ordinal),
            e => Assert.StartsWith("ExitRules:ContractMultiplier", e, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(nameof(ExitRuleSettings.TrailingActivationFraction), "-0.1")]
    [InlineData(nameof(ExitRuleSettings.TrailingActivationFraction), "1.5")]
    [InlineData(nameof(ExitRuleSettings.TrailingGiveBackFraction), "0")]
    [InlineData(nameof(ExitRuleSettings.TrailingGiveBackFraction), "1.01")]
    [InlineData(nameof(ExitRuleSettings.TimeDecayStartFraction), "-0.25")]
    [InlineData(nameof(ExitRuleSettings.TimeDecayStartFraction), "2")]
    public void Validate_ExitKindFractionOutOfRange_NamesKey(string key, string text)
    {
        var value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        var rules = key switch
        {
            nameof(ExitRuleSettings.TrailingActivationFraction) => new ExitRuleSettings { TrailingActivationFraction = value },
            nameof(ExitRuleSettings.TrailingGiveBackFraction) => new ExitRuleSettings { TrailingGiveBackFraction = value },
            _ => new ExitRuleSettings { TimeDecayStartFraction = value },
        };

        var error = Assert.Single(rules.Validate());

        Assert.StartsWith($"ExitRules:{key} ", error, StringComparison.Ordinal);
        Assert.EndsWith($"was {text}.", error, StringComparison.Ordinal);
    }
}
