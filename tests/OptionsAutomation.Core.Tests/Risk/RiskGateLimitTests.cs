using OptionsAutomation.Core.Risk;
using static OptionsAutomation.Core.Tests.Risk.RiskFixtures;

namespace OptionsAutomation.Core.Tests.Risk;

/// <summary>Checks 1–4: order notional, open positions, daily loss, total exposure.</summary>
public sealed class RiskGateLimitTests : RiskGateTestBase
{
    [Fact]
    public void CheckOpening_HealthyAccount_AllowsAndPassesEveryCheck()
    {
        AssertAllowed(Gate().CheckOpening(Csp(), Healthy()));
    }

    [Fact]
    public void CheckOpening_CspCollateralAboveMaxOrderNotional_Denies()
    {
        var decision = Gate().CheckOpening(Csp(strike: 1001m), Healthy());

        AssertDenied(decision, RiskCheck.OrderNotional, "ORDER_NOTIONAL_EXCEEDED: notional=100100.00, max=100000.00");
    }

    [Fact]
    public void CheckOpening_CspCollateralExactlyAtMaxOrderNotional_Allows()
    {
        AssertAllowed(Gate().CheckOpening(Csp(strike: 1000m), Healthy()));
    }

    [Fact]
    public void CheckOpening_VpcIsMeasuredByMaxLossNotCollateral()
    {
        // Width 10 × 100 × 12 = 12,000 of collateral, but the max loss is (10 − 2) × 100 × 12 = 9,600.
        var settings = new RiskSettings { MaxOrderNotional = 9_600m };

        AssertAllowed(Gate(settings).CheckOpening(Vpc(contracts: 12), Healthy(mid: 2.00m)));
        AssertDenied(
            Gate(settings).CheckOpening(Vpc(contracts: 13), Healthy(mid: 2.00m)),
            RiskCheck.OrderNotional,
            "ORDER_NOTIONAL_EXCEEDED: notional=10400.00, max=9600.00");
    }

    [Fact]
    public void CheckOpening_NotionalAbovePercentOfEquity_Denies()
    {
        var decision = Gate().CheckOpening(Csp(), Healthy() with { Equity = 99_000m });

        AssertDenied(decision, RiskCheck.OrderNotional,
            "ORDER_NOTIONAL_PERCENT_EXCEEDED: notional=50000.00, equity=99000.00, percent=50.51, max_percent=50");
    }

    [Fact]
    public void CheckOpening_NotionalExactlyAtPercentOfEquity_Allows()
    {
        AssertAllowed(Gate().CheckOpening(Csp(), Healthy() with { Equity = 100_000m }));
    }

    [Theory]
    [InlineData(null, "NO_EQUITY: equity=none")]
    [InlineData("0", "NO_EQUITY: equity=0.00")]
    [InlineData("-10", "NO_EQUITY: equity=-10.00")]
    public void CheckOpening_NoUsableEquity_FailsClosed(string? equity, string rendered)
    {
        decimal? value = equity is null ? null : decimal.Parse(equity, System.Globalization.CultureInfo.InvariantCulture);

        var decision = Gate().CheckOpening(Csp(), Healthy() with { Equity = value });

        AssertDenied(decision, RiskCheck.OrderNotional, rendered);
        Assert.Equal(RiskDenialCode.NoEquity, decision.Denial!.Code);
    }

    [Fact]
    public void CheckOpening_AtMaxPositions_Denies()
    {
        var decision = Gate().CheckOpening(Csp(), Healthy() with { OpenPositions = 5 });

        AssertDenied(decision, RiskCheck.MaxPositions, "MAX_POSITIONS_REACHED: open=5, max=5");
    }

    [Fact]
    public void CheckOpening_OneBelowMaxPositions_Allows()
    {
        AssertAllowed(Gate().CheckOpening(Csp(), Healthy() with { OpenPositions = 4 }));
    }

    [Fact]
    public void CheckOpening_DailyLossAtLimit_DeniesAndStopsTradingForTheDay()
    {
        var decision = Gate().CheckOpening(Csp(), Healthy() with { RealizedPnlToday = -2_000m });

        AssertDenied(decision, RiskCheck.DailyLoss, "DAILY_LOSS_LIMIT_REACHED: loss=2000.00, max=2000.00");
        Assert.True(decision.StopsTradingForDay);
    }

    [Fact]
    public void CheckOpening_DailyLossJustBelowLimit_Allows()
    {
        var decision = Gate().CheckOpening(Csp(), Healthy() with { RealizedPnlToday = -1_999.99m });

        AssertAllowed(decision);
        Assert.False(decision.StopsTradingForDay);
    }

    [Fact]
    public void CheckOpening_DailyLossAtPercentOfEquity_Denies()
    {
        // 2% of 50,000 is 1,000; the VPC's 800 notional is inside every other limit.
        var decision = Gate().CheckOpening(Vpc(), Healthy(mid: 2.00m) with { Equity = 50_000m, RealizedPnlToday = -1_000m });

        AssertDenied(decision, RiskCheck.DailyLoss,
            "DAILY_LOSS_PERCENT_REACHED: loss=1000.00, equity=50000.00, percent=2, max_percent=2");
        Assert.True(decision.StopsTradingForDay);
    }

    [Fact]
    public void CheckOpening_DailyGain_IsNoLoss()
    {
        AssertAllowed(Gate().CheckOpening(Csp(), Healthy() with { RealizedPnlToday = 5_000m }));
    }

    [Fact]
    public void CheckOpening_ExposureAfterOrderAboveMax_Denies()
    {
        var decision = Gate().CheckOpening(Csp(), Healthy() with { OpenExposure = 350_000.01m });

        AssertDenied(decision, RiskCheck.Exposure, "EXPOSURE_EXCEEDED: exposure_after=400000.01, max=400000.00");
        Assert.False(decision.StopsTradingForDay);
    }

    [Fact]
    public void CheckOpening_ExposureAfterOrderExactlyAtMax_Allows()
    {
        AssertAllowed(Gate().CheckOpening(Csp(), Healthy() with { OpenExposure = 350_000m }));
    }

    [Fact]
    public void CheckOpening_ExposureAfterOrderAbovePercentOfEquity_Denies()
    {
        // 80% of 300,000 is 240,000; 200,000 open + 50,000 = 250,000.
        var decision = Gate().CheckOpening(Csp(), Healthy() with { Equity = 300_000m, OpenExposure = 200_000m });

        AssertDenied(decision, RiskCheck.Exposure,
            "EXPOSURE_PERCENT_EXCEEDED: exposure_after=250000.00, equity=300000.00, percent=83.33, max_percent=80");
    }

    [Fact]
    public void CheckOpening_NegativeSnapshotFigures_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Gate().CheckOpening(Csp(), Healthy() with { OpenPositions = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Gate().CheckOpening(Csp(), Healthy() with { OpenExposure = -0.01m }));
    }
}
