using System.Globalization;
using OptionsAutomation.Core.Pricing;
using OptionsAutomation.Core.Risk.Portfolio;
using OptionsAutomation.Core.Tests.Support;
using static OptionsAutomation.Core.Tests.Risk.Portfolio.PortfolioFixtures;

namespace OptionsAutomation.Core.Tests.Risk.Portfolio;

public sealed class StressTests
{
    private const double Spot = 580, Strike = 570, Years = 30 / 365.0, Vol = 0.18, Rate = 0.04;

    /// <summary>The Black-Scholes put written out: K·e^(−rT)·Φ(−d₂) − S·Φ(−d₁), no dividends.</summary>
    private static double PutByHand(double spot, double years, double vol)
    {
        var d1 = (Math.Log(spot / Strike) + ((Rate + (vol * vol / 2)) * years)) / (vol * Math.Sqrt(years));
        var d2 = d1 - (vol * Math.Sqrt(years));
        return (Strike * Math.Exp(-Rate * years) * NormalDistribution.Cdf(-d2)) - (spot * NormalDistribution.Cdf(-d1));
    }

    [Theory]
    [InlineData("spot_down_10", 0.90, 1.0, 0.0)]
    [InlineData("spot_up_5", 1.05, 1.0, 0.0)]
    [InlineData("vol_up_50", 1.0, 1.5, 0.0)]
    [InlineData("one_week_decay", 1.0, 1.0, 7.0)]
    public void ScenarioPnl_OfAShortPut_IsBlackScholesByHand(string scenario, double spotFactor, double volFactor, double days)
    {
        var put = ShortPut("SPY", Spot, (decimal)Strike, Years, Vol, contracts: 2);

        var result = Analyzer().Stress(Inputs([put], null)).Single(r => r.Name == scenario);

        // Short 2 contracts: P&L = −200 × (price after − price now).
        var byHand = -200 * (PutByHand(Spot * spotFactor, Years - (days / 365), Vol * volFactor) - PutByHand(Spot, Years, Vol));
        Assert.Equal(Math.Round((decimal)byHand, 2), result.Pnl);
    }

    [Fact]
    public void Defaults_HaveTheSpotVolAndDecayScenariosOfTheIssue()
    {
        var names = StressScenario.Defaults.Select(s => s.Name).ToList();

        Assert.Equal(
            ["spot_down_5", "spot_down_10", "spot_down_20", "spot_up_5", "vol_up_25", "vol_up_50", "vol_up_100", "one_week_decay", "2020-03-16", "2008-10-15"],
            names);
    }

    [Theory]
    [InlineData("2020-03-16", "2020-03-13")]
    [InlineData("2008-10-15", "2008-10-14")]
    public void HistoricalDefaults_AreTheCloseToCloseMovesOfSpyAndVix(string day, string previous)
    {
        var scenario = StressScenario.Defaults.Single(s => s.Name == day);
        var spy = Closes("spy_daily.csv", 4);
        var vix = Closes("vix_daily.csv", 4);

        Assert.Equal((spy[day] / spy[previous] * 100) - 100, scenario.UnderlyingMovePercent, 4);
        Assert.Equal((vix[day] / vix[previous] * 100) - 100, scenario.VolatilityChangePercent, 4);
    }

    [Fact]
    public void PnlPercent_IsOfEquity()
    {
        var shares = Shares("SPY", 100, 500m);

        var down = Analyzer().Stress(Inputs([shares], null, equity: 50_000m)).Single(r => r.Name == "spot_down_20");

        Assert.Equal(-10_000m, down.Pnl);
        Assert.Equal(-20m, down.PnlPercentOfEquity);
    }

    private static Dictionary<string, double> Closes(string file, int column) =>
        File.ReadLines(TestDataFiles.MarketHistory(file)).Skip(1).Select(l => l.Split(','))
            .ToDictionary(f => f[0], f => double.Parse(f[column], CultureInfo.InvariantCulture));
}
