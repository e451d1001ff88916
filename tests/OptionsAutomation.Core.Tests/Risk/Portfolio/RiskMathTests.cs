using OptionsAutomation.Core.Risk.Portfolio;

namespace OptionsAutomation.Core.Tests.Risk.Portfolio;

public sealed class RiskMathTests
{
    [Fact]
    public void Cholesky_ReproducesTheCorrelationMatrix()
    {
        double[,] rho = { { 1, 0.8, 0.3 }, { 0.8, 1, 0.5 }, { 0.3, 0.5, 1 } };

        var l = Cholesky.Decompose(rho);

        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                var product = Enumerable.Range(0, 3).Sum(k => l[i, k] * l[j, k]);
                Assert.Equal(rho[i, j], product, 12);
            }

            Assert.Equal(0, l[0, Math.Max(i, 1)] * (i > 0 ? 1 : 0));
        }

        // By hand: L₂₁ = 0.8, L₂₂ = √(1 − 0.64) = 0.6, L₃₂ = (0.5 − 0.3·0.8)/0.6.
        Assert.Equal(0.6, l[1, 1], 12);
        Assert.Equal(0.26 / 0.6, l[2, 1], 12);
    }

    [Fact]
    public void Cholesky_OfPerfectlyCorrelatedUnderlyings_IsSemiDefinite_NotRefused()
    {
        var l = Cholesky.Decompose(new double[,] { { 1, 1 }, { 1, 1 } });

        Assert.Equal((1.0, 1.0, 0.0), (l[0, 0], l[1, 0], l[1, 1]));
    }

    [Fact]
    public void Cholesky_OfANonCorrelationMatrix_IsRefused() =>
        Assert.Throws<ArgumentException>(() => Cholesky.Decompose(new double[,] { { 1, 2 }, { 2, 1 } }));

    [Fact]
    public void Correlation_Covariance_AndBeta_MatchHandValues()
    {
        // x = 1,2,3,4; y = 2,4,5,9: means 2.5 and 5; Σdx·dy = 11, Σdx² = 5, Σdy² = 26 → cov 11/3, r = 11/√130.
        double[] x = [1, 2, 3, 4], y = [2, 4, 5, 9];

        Assert.Equal(11.0 / 3, RiskStatistics.Covariance(x, y), 12);
        Assert.Equal(11 / Math.Sqrt(130), RiskStatistics.Correlation(x, y), 12);
        Assert.Equal(Math.Sqrt(5.0 / 3), RiskStatistics.StandardDeviation(x), 12);
    }

    [Fact]
    public void AShortHistory_GivesNoCorrelationsOrVar_RatherThanTheOnesTwoReturnsAlwaysGive()
    {
        double[] spy = [0.01, -0.02], qqq = [0.02, -0.03];
        var history = ReturnHistory.FromReturns(PortfolioFixtures.Dates(2), new Dictionary<string, double[]> { ["SPY"] = spy, ["QQQ"] = qqq });

        var report = PortfolioFixtures.Analyzer().Report(PortfolioFixtures.Inputs([PortfolioFixtures.Shares("QQQ", 10, 500m)], history));

        Assert.Contains("fewer than 20 daily returns of history (Risk:MinHistoryReturns): VaR, correlations and betas are not computed.", report.Problems);
        Assert.Null(report.Var.Historical);
        Assert.DoesNotContain(report.Limits, l => l.Name == "correlation");
    }

    [Fact]
    public void Betas_AreCovarianceOverBenchmarkVariance()
    {
        double[] spy = [0.01, -0.02, 0.015, -0.005], qqq = [0.02, -0.03, 0.02, -0.01];
        var history = ReturnHistory.FromReturns(PortfolioFixtures.Dates(4), new Dictionary<string, double[]> { ["SPY"] = spy, ["QQQ"] = qqq });

        var report = PortfolioFixtures.Analyzer(new PortfolioRiskSettings { MinHistoryReturns = 4 })
            .Report(PortfolioFixtures.Inputs([PortfolioFixtures.Shares("QQQ", 10, 500m)], history));

        Assert.Equal(Math.Round((decimal)(RiskStatistics.Covariance(qqq, spy) / RiskStatistics.Covariance(spy, spy)), 6), report.Betas["QQQ"]);
        Assert.Equal(1m, report.Betas["SPY"]);
        Assert.Equal(["QQQ", "SPY"], report.Underlyings);
        Assert.Equal(Math.Round((decimal)RiskStatistics.Correlation(qqq, spy), 6), report.Correlation[0][1]);
        // Beta-weighted delta: 5,000 delta dollars × beta; portfolio beta = that ÷ equity.
        Assert.InRange(report.Exposure.BetaWeightedDeltaDollars!.Value - Math.Round(5_000m * report.Betas["QQQ"], 2), -0.01m, 0.01m);
    }

    [Fact]
    public void Concentration_IsLargestShareAndHerfindahl()
    {
        // 60/30/10: largest 0.6, HHI = 0.36 + 0.09 + 0.01 = 0.46.
        var c = Concentration.Of(new Dictionary<string, decimal> { ["SPY"] = 60_000m, ["QQQ"] = 30_000m, ["IWM"] = 10_000m });

        Assert.Equal(("SPY", 0.6m, 0.46m), (c.LargestUnderlying, c.LargestShare, c.Herfindahl));
    }

    [Fact]
    public void Drawdown_IsCurrentAndDeepestFallFromThePeak()
    {
        // Peak 110 → 99 is −10%; new peak 120 → 108 now is −10% too; the deepest is 110 → 88 = −20%.
        var d = Drawdown.Of([100m, 110m, 99m, 88m, 120m, 108m]);

        Assert.Equal((-0.1m, -0.2m), (d.Current, d.Maximum));
    }

    [Fact]
    public void NormalQuantile_IsTheInverseOfPhi()
    {
        Assert.Equal(1.6448536269514722, NormalQuantile.Of(0.95), 14);
        Assert.Equal(2.3263478740408408, NormalQuantile.Of(0.99), 13);
        Assert.Equal(-1.6448536269514722, NormalQuantile.Of(0.05), 14);
    }
}
