using BenchmarkDotNet.Attributes;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Risk.Portfolio;

namespace OptionsAutomation.Benchmarks.Risk;

/// <summary>
/// Issue 15's Monte Carlo VaR: 1,000 positions × 10,000 paths, goal ≤ 1 s on two cores. <see cref="ValueAtRisk.MonteCarlo"/>
/// (grouped contracts, price-only pricing, the base value once, paths in parallel) on every core and on one, against
/// the algorithm it replaced (<see cref="PlainMonteCarloVar"/>) in the same run. A call is a whole VaR (seconds for the
/// baseline), so each is called once per iteration: one launch, one warm-up, five measured.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class MonteCarloVarBenchmarks
{
    private const int Positions = 1_000;
    private const int Paths = 10_000;
    private const int Seed = 20260102;
    private const double Confidence = 0.95;

    /// <summary>
    /// Both revalue the same paths (<see cref="PlainMonteCarloVar"/>), summing in another order: they agree to rounding, and
    /// the fast figure is rounded to the cent.
    /// </summary>
    private const double Agreement = 0.01;

    private readonly Revaluation _revaluation = new(0.04, _ => 0.013);
    private IReadOnlyList<RiskPosition> _book = [];
    private CovarianceModel _model = null!;

    /// <summary>
    /// Twenty underlyings whose returns share one market factor; 1,000 short puts and put spreads on them at strikes
    /// 1–15% below spot in steps of 5 and four expiries, a book where many positions share a contract (the grouping's
    /// case) but hundreds of contracts remain.
    /// </summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(15);
        var underlyings = Enumerable.Range(0, 20).Select(i => $"U{i:00}").ToArray();
        var spots = underlyings.Select((_, i) => 100.0 + (25 * i)).ToArray();
        var market = Enumerable.Range(0, 30).Select(_ => Normal(random) * 0.01).ToArray();
        var history = ReturnHistory.FromReturns(
            [.. Enumerable.Range(0, 30).Select(d => new DateOnly(2026, 1, 1).AddDays(d))],
            underlyings.ToDictionary(u => u, _ => market.Select(m => m + (Normal(random) * 0.008)).ToArray(), StringComparer.Ordinal));
        _model = new CovarianceModel(history, underlyings);
        double[] expiries = [7 / 365.0, 21 / 365.0, 35 / 365.0, 49 / 365.0];
        _book = [.. Enumerable.Range(0, Positions).Select(i =>
        {
            var u = random.Next(underlyings.Length);
            var strike = Math.Round(spots[u] * (1 - (random.Next(1, 16) / 100.0)) / 5) * 5;
            var years = expiries[random.Next(expiries.Length)];
            var contracts = random.Next(1, 6);
            List<RiskLeg> legs = [new(OptionRight.Put, strike, years, 0.2 + (strike / spots[u] / 10), -100.0 * contracts)];
            if (i % 2 == 0)
            {
                legs.Add(new(OptionRight.Put, strike - 5, years, 0.22 + (strike / spots[u] / 10), 100.0 * contracts));
            }

            return new RiskPosition(Holding(i, underlyings[u]), legs, spots[u], null);
        })];

        var (fast, plain) = (FastAllCores(), PlainBaseline());
        if (Math.Abs(fast - plain) > Agreement)
        {
            throw new InvalidOperationException($"the fast Monte Carlo VaR {fast:F2} and the plain one {plain:F4} differ by more than a cent.");
        }
    }

    [Benchmark(Baseline = true, Description = "plain: full revaluation per path, one thread")]
    public double PlainBaseline() => PlainMonteCarloVar.Var(_revaluation, _book, _model, Paths, Seed, Confidence);

    [Benchmark(Description = "ValueAtRisk.MonteCarlo, one thread")]
    public double FastOneThread() => (double)new ValueAtRisk(_revaluation, Confidence).MonteCarlo(_book, _model, Paths, Seed, maxThreads: 1).Var;

    [Benchmark(Description = "ValueAtRisk.MonteCarlo, all cores")]
    public double FastAllCores() => (double)new ValueAtRisk(_revaluation, Confidence).MonteCarlo(_book, _model, Paths, Seed).Var;

    private static Position Holding(long id, string ticker) => new()
    {
        PositionId = id,
        RequestId = $"bench-{id}",
        Ticker = ticker,
        StrategyType = StrategyType.CashSecuredPut,
        Status = PositionStatus.Open,
        EntryDate = new DateTimeOffset(2026, 1, 30, 15, 0, 0, TimeSpan.Zero),
        EntryPrice = 1m,
        Quantity = 1,
        StopLoss = 0m,
        ProfitTarget = 0m,
        Legs = ValueList<OptionLeg>.Empty,
        LastUpdated = new DateTimeOffset(2026, 1, 30, 15, 0, 0, TimeSpan.Zero),
        Multiplier = 100,
        Fees = 0m,
        MaxLoss = 0m,
        Collateral = 0m,
    };

#pragma warning disable CA5394 // Seeded test data, not security.
    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
#pragma warning restore CA5394
}
