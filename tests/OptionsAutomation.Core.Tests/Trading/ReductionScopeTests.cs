using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Tests.Support;
using OptionsAutomation.Core.Trading;

namespace OptionsAutomation.Core.Tests.Trading;

public sealed class ReductionScopeTests
{
    [Theory]
    [InlineData(null, null, "every ticker")]
    [InlineData("  ", null, "every ticker")]
    [InlineData(" spy ", null, "SPY")]
    [InlineData("brk.b", StrategyType.VerticalPutCredit, "BRK.B VPC")]
    public void Of_StoresTheTickerAsPositionsDo_AndReadsAsPeopleSayIt(string? ticker, StrategyType? strategy, string expected)
    {
        var scope = ReductionScope.Of(ticker, strategy);

        Assert.Equal(expected, scope.ToString());
        Assert.Equal(strategy, scope.Strategy);
    }

    [Theory]
    [InlineData("SPY now")]
    [InlineData("S|PY")]
    [InlineData("TOOLONGX")]
    public void Of_RefusesWhatIsNotATicker(string ticker)
    {
        var e = Assert.Throws<PositionRuleException>(() => ReductionScope.Of(ticker, null));

        Assert.StartsWith($"'{ticker}' is not a ticker", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Matches_OptionPositionsOfTheTickerAndStrategy_NeverShares()
    {
        var csp = PositionBuilder.Csp().Build();
        var vpc = PositionBuilder.Vpc().Build();
        var shares = csp with { StrategyType = StrategyType.Stock };

        Assert.True(ReductionScope.Of(null, null).Matches(csp));
        Assert.True(ReductionScope.Of(null, null).Matches(vpc));
        Assert.False(ReductionScope.Of(null, null).Matches(shares));
        Assert.False(ReductionScope.Of(null, StrategyType.Stock).Matches(shares));
        var spyCsp = ReductionScope.Of("spy", StrategyType.CashSecuredPut);
        Assert.Equal((true, false, false), (spyCsp.Matches(csp), spyCsp.Matches(vpc), spyCsp.Matches(PositionBuilder.Csp("QQQ", 500m).Build())));
    }
}
