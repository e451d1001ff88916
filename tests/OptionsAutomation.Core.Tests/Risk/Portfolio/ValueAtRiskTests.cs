using OptionsAutomation.Core.Risk.Portfolio;
using static OptionsAutomation.Core.Tests.Risk.Portfolio.PortfolioFixtures;

namespace OptionsAutomation.Core.Tests.Risk.Portfolio;

public sealed class ValueAtRiskTests
{
    private const double Sigma = 0.012;

    [Fact]
    public void Parametric_OnSharesOnly_IsZTimesSigmaTimesDeltaDollars()
    {
        var returns = NormalReturns(250, Sigma);
        var history = ReturnHistory.FromReturns(Dates(250), new Dictionary<string, double[]> { ["SPY"] = returns });
        var shares = Shares("SPY", 100, 500m);

        var report = Analyzer().Report(Inputs([shares], history));

        // By hand: sample standard deviation (n − 1) of the returns, z(0.95), delta dollars = 100 × 500.
        var mean = returns.Average();
        var sd = Math.Sqrt(returns.Sum(r => (r - mean) * (r - mean)) / (returns.Length - 1));
        const double z95 = 1.6448536269514722;
        Assert.Equal(Math.Round((decimal)(z95 * sd * 50_000), 2), report.Var.Parametric!.Var);
        Assert.Equal(50_000m, report.Exposure.DeltaDollars);
        Assert.Equal(report.Var.Parametric.Var, report.Positions.Single().ComponentVar);
    }

    [Fact]
    public void ThreeMethods_OnALinearPortfolio_AgreeWithinTwoPercent()
    {
        var history = ReturnHistory.FromReturns(Dates(500), new Dictionary<string, double[]> { ["SPY"] = NormalReturns(500, Sigma) });

        var v = Analyzer(new PortfolioRiskSettings { MonteCarloPaths = 40_000 }).Report(Inputs([Shares("SPY", 100, 500m)], history)).Var;

        var parametric = (double)v.Parametric!.Var;
        Assert.InRange((double)v.Historical!.Var, parametric * 0.98, parametric * 1.02);
        Assert.InRange((double)v.MonteCarlo!.Var, parametric * 0.98, parametric * 1.02);
        Assert.InRange((double)v.MonteCarlo.Cvar, (double)v.Parametric.Cvar * 0.97, (double)v.Parametric.Cvar * 1.03);
        Assert.True(v.Historical.Cvar > v.Historical.Var);
    }

    [Fact]
    public void Historical_IsTheType7QuantileOfTheRevaluedDays()
    {
        // Five days: shares P&L = 10,000 × (e^r − 1); the 5% quantile interpolates 20% of the way from the worst to the next.
        double[] returns = [0.01, -0.03, 0.02, -0.01, 0.0];
        var history = ReturnHistory.FromReturns(Dates(5), new Dictionary<string, double[]> { ["SPY"] = returns });

        var v = Analyzer(new PortfolioRiskSettings { MinHistoryReturns = 5 }).Report(Inputs([Shares("SPY", 100, 100m)], history)).Var;

        var worst = 10_000 * (Math.Exp(-0.03) - 1);
        var next = 10_000 * (Math.Exp(-0.01) - 1);
        var quantile = worst + (0.2 * (next - worst));
        Assert.Equal(Math.Round((decimal)-quantile, 2), v.Historical!.Var);
        Assert.Equal(Math.Round((decimal)-worst, 2), v.Historical.Cvar);
    }

    [Fact]
    public void MonteCarlo_WithTheSameSeed_IsDeterministic_AndTheSeedMatters()
    {
        var history = ReturnHistory.FromReturns(Dates(60), new Dictionary<string, double[]>
        {
            ["SPY"] = NormalReturns(60, Sigma),
            ["QQQ"] = NormalReturns(60, 0.015, 11),
        });
        var positions = new[] { ShortPut("SPY", 580, 560m, 0.1, 0.18), ShortPut("QQQ", 500, 480m, 0.1, 0.22, id: 2) };

        var first = Analyzer(new PortfolioRiskSettings { Seed = 7 }).Report(Inputs(positions, history)).Var.MonteCarlo;
        var second = Analyzer(new PortfolioRiskSettings { Seed = 7 }).Report(Inputs(positions, history)).Var.MonteCarlo;
        var other = Analyzer(new PortfolioRiskSettings { Seed = 8 }).Report(Inputs(positions, history)).Var.MonteCarlo;

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void ComponentVar_OfSeveralPositions_SumsToTheParametricVar()
    {
        var history = ReturnHistory.FromReturns(Dates(60), new Dictionary<string, double[]>
        {
            ["SPY"] = NormalReturns(60, Sigma),
            ["QQQ"] = NormalReturns(60, 0.015, 11),
        });
        var positions = new[] { ShortPut("SPY", 580, 560m, 0.1, 0.18), ShortPut("QQQ", 500, 480m, 0.1, 0.22, id: 2), Shares("QQQ", 50, 500m, 3) };

        var report = Analyzer().Report(Inputs(positions, history));

        Assert.InRange(report.Positions.Sum(p => p.ComponentVar!.Value) - report.Var.Parametric!.Var, -0.02m, 0.02m);
    }

    [Fact]
    public void WithoutHistory_VarIsNullAndTheProblemIsNamed()
    {
        var report = Analyzer().Report(Inputs([Shares("SPY", 100, 500m)], null));

        Assert.Null(report.Var.Historical);
        Assert.Null(report.Var.Parametric);
        Assert.Contains(report.Problems, p => p.Contains("history", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Limits, l => l.Name == "var");
    }
}
