using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Risk.Portfolio;
using OptionsAutomation.Core.Tests.Support;
using static OptionsAutomation.Core.Tests.Risk.Portfolio.PortfolioFixtures;

namespace OptionsAutomation.Core.Tests.Risk.Portfolio;

/// <summary>
/// The Monte Carlo VaR's fast path (grouped contracts, price-only pricing, the base value once, paths in parallel)
/// against a plain full revaluation of the same paths, and its determinism whatever the number of threads.
/// </summary>
public sealed class MonteCarloVarTests
{
    private const int Paths = 4_000;
    private const int Seed = 20260102;

    private static readonly ReturnHistory History = ReturnHistory.FromReturns(Dates(60), new Dictionary<string, double[]>
    {
        ["SPY"] = NormalReturns(60, 0.012),
        ["QQQ"] = NormalReturns(60, 0.015, 11),
        ["IWM"] = NormalReturns(60, 0.018, 13),
    });

    private static readonly CovarianceModel Model = new(History, ["IWM", "QQQ", "SPY"]);

    /// <summary>Short and long puts and calls, the same contract held by several positions, a leg expiring today, shares.</summary>
    private static IReadOnlyList<RiskPosition> MixedBook() =>
    [
        ShortPut("SPY", 580, 560m, 0.1, 0.18, id: 1),
        ShortPut("SPY", 580, 560m, 0.1, 0.18, contracts: 3, id: 2),
        ShortPut("SPY", 580, 550m, 0.1, 0.2, id: 3),
        ShortPut("QQQ", 500, 480m, 0.05, 0.22, contracts: 2, id: 4),
        ShortPut("IWM", 210, 212m, 0, 0.3, id: 5),
        Option("QQQ", 500, OptionRight.Call, 520, 0.2, 0.2, 100, id: 6),
        Option("IWM", 210, OptionRight.Call, 200, 0.3, 0.35, -200, id: 7),
        Shares("SPY", 50, 580m, id: 8),
    ];

    [Fact]
    public void MonteCarlo_IsThePlainFullRevaluationOfTheSamePaths_ToTheCent()
    {
        var book = MixedBook();

        var fast = new ValueAtRisk(PortfolioFixtures.Revaluation, 0.95).MonteCarlo(book, Model, Paths, Seed);

        // The reference is the textbook algorithm, sharing only the paths' random numbers: each path's correlated
        // returns built here, every position valued in full by BlackScholes (price and Greeks, ungrouped, the base value
        // again each time) through Revaluation.Pnl, one path after another; then the 5% quantile (type 7) and the mean of
        // the tail. The fast path is the same sum over the same numbers in another order, so it agrees to rounding.
        var pnl = PlainPathPnl(book, Paths, Seed);
        var cutoff = RiskStatistics.Quantile(pnl, 0.05);
        var tail = pnl.Where(x => x <= cutoff).ToList();
        Assert.Equal(Math.Round((decimal)-cutoff, 2), fast.Var);
        Assert.Equal(Math.Round((decimal)-RiskStatistics.Mean(tail), 2), fast.Cvar);
        Assert.True(fast.Var > 0 && fast.Cvar > fast.Var);
    }

    [Fact]
    public void MonteCarlo_GivesTheSameFigures_WithOneThreadOrMany()
    {
        var valueAtRisk = new ValueAtRisk(PortfolioFixtures.Revaluation, 0.95);
        var book = MixedBook();

        var one = valueAtRisk.MonteCarlo(book, Model, Paths, Seed, maxThreads: 1);
        var many = Enumerable.Range(0, 4).Select(_ => valueAtRisk.MonteCarlo(book, Model, Paths, Seed, maxThreads: 8)).ToList();
        var other = valueAtRisk.MonteCarlo(book, Model, Paths, Seed + 1, maxThreads: 8);

        Assert.All(many, m => Assert.Equal(one, m));
        Assert.NotEqual(one, other);
    }

    [Fact]
    public void TenPositionsOnOneContract_AreOneGroup_AndTheVarOfOnePositionTenTimesAsLarge()
    {
        var ten = Enumerable.Range(1, 10).Select(i => ShortPut("SPY", 580, 560m, 0.1, 0.18, id: i)).ToList();
        var one = ShortPut("SPY", 580, 560m, 0.1, 0.18, contracts: 10);
        var valueAtRisk = new ValueAtRisk(PortfolioFixtures.Revaluation, 0.95);

        Assert.Equal(1, Book(ten).Groups);
        Assert.Equal(valueAtRisk.MonteCarlo([one], Model, Paths, Seed), valueAtRisk.MonteCarlo(ten, Model, Paths, Seed));
    }

    [Fact]
    public void ContractsThatDifferInAnything_AreNotGrouped()
    {
        // Strike, volatility, time, spot, right and underlying each make another contract; the first two are one.
        var book = new[]
        {
            Option("SPY", 580, OptionRight.Put, 560, 0.1, 0.18, -100),
            Option("SPY", 580, OptionRight.Put, 560, 0.1, 0.18, 100),
            Option("SPY", 580, OptionRight.Put, 555, 0.1, 0.18, -100),
            Option("SPY", 580, OptionRight.Put, 560, 0.1, 0.19, -100),
            Option("SPY", 580, OptionRight.Put, 560, 0.2, 0.18, -100),
            Option("SPY", 581, OptionRight.Put, 560, 0.1, 0.18, -100),
            Option("SPY", 580, OptionRight.Call, 560, 0.1, 0.18, -100),
            Option("QQQ", 580, OptionRight.Put, 560, 0.1, 0.18, -100),
        };

        Assert.Equal(7, Book(book).Groups);
    }

    private static SimulationBook Book(IReadOnlyList<RiskPosition> positions) =>
        new(positions, Model, PortfolioFixtures.Revaluation.RiskFreeRate, PortfolioFixtures.Revaluation.DividendYieldOf);

    private static double[] PlainPathPnl(IReadOnlyList<RiskPosition> book, int paths, int seed)
    {
        var lower = Cholesky.Decompose(Model.Correlation);
        var n = Model.Underlyings.Count;
        var pnl = new double[paths];
        for (var path = 0; path < paths; path++)
        {
            var normals = new PathNormals(seed, path);
            var z = Enumerable.Range(0, n).Select(_ => normals.Next()).ToArray();
            var factors = new Dictionary<string, double>(StringComparer.Ordinal);
            for (var i = 0; i < n; i++)
            {
                var correlated = Enumerable.Range(0, i + 1).Sum(k => lower[i, k] * z[k]);
                factors[Model.Underlyings[i]] = Math.Exp(Model.Volatilities[i] * correlated);
            }

            pnl[path] = PortfolioFixtures.Revaluation.Pnl(book, new MarketShock(u => factors[u]));
        }

        return pnl;
    }

    private static RiskPosition Option(string ticker, double spot, OptionRight right, double strike, double years, double volatility, double units, long id = 1) => new(
        PositionBuilder.Csp(ticker, (decimal)strike).WithId(id).Build(),
        [new RiskLeg(right, strike, years, volatility, units)], spot, null);
}
