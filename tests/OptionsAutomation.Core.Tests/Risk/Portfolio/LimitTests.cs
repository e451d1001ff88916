using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Risk.Portfolio;
using static OptionsAutomation.Core.Tests.Risk.Portfolio.PortfolioFixtures;

namespace OptionsAutomation.Core.Tests.Risk.Portfolio;

public sealed class LimitTests
{
    [Theory]
    [InlineData(79.99, LimitState.Ok)]
    [InlineData(80, LimitState.Warn)]
    [InlineData(99.99, LimitState.Warn)]
    [InlineData(100, LimitState.Breach)]
    public void Reading_WarnsAt80PercentAndBreachesAtTheLimit(double value, LimitState expected) =>
        Assert.Equal(expected, LimitReading.Of("exposure", (decimal)value, 100m, "USD", 80).State);

    [Fact]
    public void Crossings_FireOncePerChangeOfState()
    {
        double[] values = [10, 85, 90, 120, 10, 85];
        var previous = new Dictionary<string, LimitState>() as IReadOnlyDictionary<string, LimitState>;
        var alerts = new List<string>();
        foreach (var value in values)
        {
            var reading = LimitReading.Of("var", (decimal)value, 100m, "%", 80);
            alerts.AddRange(LimitCrossings.Between(previous, [reading]).Select(c => c.Kind));
            previous = LimitCrossings.States([reading]);
        }

        Assert.Equal(["warn", "breach", "clear", "warn"], alerts);
    }

    [Fact]
    public void Crossing_DownFromBreachToWarn_IsAWarnFromBreach()
    {
        var crossing = Assert.Single(LimitCrossings.Between(
            new Dictionary<string, LimitState> { ["drawdown"] = LimitState.Breach },
            [LimitReading.Of("drawdown", 9m, 10m, "%", 80)]));

        Assert.Equal((LimitState.Breach, LimitState.Warn, "warn"), (crossing.From, crossing.To, crossing.Kind));
    }

    [Fact]
    public void Correlation_ANewUnderlyingCorrelatedWithTwoHeldOnes_IsRefused()
    {
        var spy = NormalReturns(40, 0.01);
        var history = ReturnHistory.FromReturns(Dates(40), new Dictionary<string, double[]>
        {
            ["SPY"] = spy,
            ["QQQ"] = [.. spy.Select(r => r * 1.3)],
            ["IWM"] = [.. spy.Select((r, i) => (r * 1.1) + (i % 2 == 0 ? 0.0005 : -0.0005))],
            ["GLD"] = NormalReturns(40, 0.008, 13),
        });
        var model = new CovarianceModel(history, ["GLD", "IWM", "QQQ", "SPY"]);
        var settings = new PortfolioRiskSettings();

        Assert.True(CorrelationRule.Refuses("IWM", ["SPY", "QQQ"], model, settings));
        Assert.False(CorrelationRule.Refuses("IWM", ["SPY", "GLD"], model, settings));
        Assert.False(CorrelationRule.Refuses("GLD", ["SPY", "QQQ"], model, settings));
    }

    [Fact]
    public void Report_ReadsEveryLimitWithItsState()
    {
        var history = ReturnHistory.FromReturns(Dates(30), new Dictionary<string, double[]> { ["SPY"] = NormalReturns(30, 0.01) });
        var put = ShortPut("SPY", 580, 560m, 0.1, 0.18, contracts: 9);

        var limits = Analyzer().Report(Inputs([put], history) with { RealizedPnlToday = -1_700m }).Limits.ToDictionary(l => l.Name);

        Assert.Equal(["position_size", "position_value", "exposure", "daily_loss", "drawdown", "var", "position_var", "correlation", "vol_spike:SPY"], limits.Keys);
        Assert.Equal((9m, 10m, LimitState.Warn), (limits["position_size"].Value, limits["position_size"].Limit, limits["position_size"].State));
        // 9 × 560 × 100 collateral against the gate's Risk:MaxTotalExposure of 400,000.
        Assert.Equal((504_000m, LimitState.Breach), (limits["exposure"].Value, limits["exposure"].State));
        Assert.Equal((1_700m, 2_000m, LimitState.Warn), (limits["daily_loss"].Value, limits["daily_loss"].Limit, limits["daily_loss"].State));
    }

    [Fact]
    public void DailyLoss_IsMarkedToMarketAgainstTheOpeningEquity_AndWithoutKnownEquityTheEquityLimitsAreNotJudged()
    {
        var history = ReturnHistory.FromReturns(Dates(30), new Dictionary<string, double[]> { ["SPY"] = NormalReturns(30, 0.01) });
        var inputs = Inputs([ShortPut("SPY", 580, 560m, 0.1, 0.18)], history) with { RealizedPnlToday = -100m };

        var marked = Analyzer().Report(inputs with { OpeningEquity = inputs.Equity + 1_900m }).Limits.Single(l => l.Name == "daily_loss");
        var unknown = Analyzer().Report(inputs with { OpeningEquity = inputs.Equity + 1_900m, EquityKnown = false }).Limits;

        Assert.Equal((1_900m, LimitState.Warn, "marked to market since the previous close"), (marked.Value, marked.State, marked.Detail));
        Assert.Equal((100m, "realized today"), (unknown.Single(l => l.Name == "daily_loss").Value, unknown.Single(l => l.Name == "daily_loss").Detail));
        Assert.DoesNotContain(unknown, l => l.Name is "drawdown" or "var" or "position_var");
        Assert.Contains(unknown, l => l.Name == "correlation");
    }

    [Fact]
    public void Settings_NameEveryBadKey_AndTheirShortFormsAreKnown()
    {
        var errors = new PortfolioRiskSettings
        {
            VarConfidence = 1.2,
            HistoryDays = 1,
            BreachAction = "ACTIVE",
            StressScenarios = [new StressScenario { Name = "", UnderlyingMovePercent = -120 }],
        }.Validate();

        Assert.Equal(6, errors.Count);
        Assert.Contains("Risk:MinHistoryReturns must be 2 to HistoryDays (1), was 20.", errors);
        Assert.Contains(errors, e => e.StartsWith("Risk:VarConfidence must be", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Risk:HistoryDays must be", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Risk:BreachAction must be none, REDUCING or HALTED", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Risk:StressScenarios:0:UnderlyingMovePercent", StringComparison.Ordinal));
        Assert.Empty(new PortfolioRiskSettings().Validate());
        Assert.Equal(OptionsAutomation.Core.Risk.TradingState.Reducing, new PortfolioRiskSettings { BreachAction = "reducing" }.BreachState);
        Assert.Equal("Risk:VarConfidence", RiskEnvironment.ShortForms["RISK_VAR_CONFIDENCE"]);
        Assert.Empty(RiskEnvironment.Unrecognised(new Dictionary<string, string?> { ["RISK_HISTORY_DAYS"] = "60", ["RISK_BREACH_ACTION"] = "REDUCING" }));
    }
}
