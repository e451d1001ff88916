using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Pricing;

namespace OptionsAutomation.Core.Tests.Pricing;

/// <summary>
/// Issue 15's accuracy bound for the solver: the volatility is recovered to within 1e-10 wherever vega (∂V/∂σ, per unit of
/// σ, on a spot of 100) is above 1e-6, widened by what the premium itself cannot carry: a premium is a double computed
/// from S and K, good to a few ulps of the larger of them, and those ulps move σ by ulps ÷ vega. Deep in the money a day
/// or a week out (vega 1e-5, premium 15–50) that is up to 2e-8, so the bare 1e-10 is out of reach of any
/// solver there; elsewhere the widening is below 1e-11 and the bound is the issue's.
/// </summary>
public sealed class ImpliedVolatilityErrorBoundTests
{
    private const double Spot = 100;
    private const double VolatilityTolerance = 1e-10;
    private const double MinimumVega = 1e-6;
    private const double PriceTolerance = 1e-10;

    /// <summary>Moneyness 0.5–2, 1 day to 3 years, σ 1% to 300%: σ recovered as above and the premium repriced to 1e-10.</summary>
    [Fact]
    public void Solve_WhereVegaIsAbove1e6_RecoversVolatilityTo1e10()
    {
        var (failures, checkedPoints) = RoundTrips(GridPoints());

        Assert.True(failures.Count == 0, $"{failures.Count} of {checkedPoints}:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
        Assert.True(checkedPoints > 500, $"only {checkedPoints} of 972 points have vega above {MinimumVega}");
    }

    /// <summary>
    /// The same bound between the grid's points: 20,000 seeded draws, log-uniform over moneyness 0.5–2, 1 day to 3 years
    /// and σ 1% to 300%. The solver stops on a small step without evaluating its end, so its accuracy is a claim about
    /// every premium, not only the grid's.
    /// </summary>
    [Fact]
    public void Solve_OverRandomDrawsWhereVegaIsAbove1e6_RecoversVolatilityTo1e10()
    {
        var (failures, checkedPoints) = RoundTrips(RandomPoints(new Random(15), 20_000));

        Assert.True(failures.Count == 0, $"{failures.Count} of {checkedPoints}:{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(20))}");
        Assert.True(checkedPoints > 10_000, $"only {checkedPoints} of 20,000 draws have vega above {MinimumVega}");
    }

    private static IEnumerable<(OptionRight Right, double Strike, double Years, double Volatility)> GridPoints() =>
        from right in new[] { OptionRight.Call, OptionRight.Put }
        from moneyness in new[] { 0.5, 0.7, 0.85, 0.95, 1.0, 1.05, 1.2, 1.5, 2.0 }
        from years in new[] { 1.0 / 365, 7.0 / 365, 30.0 / 365, 0.25, 1, 3 }
        from volatility in new[] { 0.01, 0.05, 0.12, 0.2, 0.35, 0.6, 1.0, 2.0, 3.0 }
        select (right, Spot * moneyness, years, volatility);

    private static IEnumerable<(OptionRight Right, double Strike, double Years, double Volatility)> RandomPoints(Random random, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var right = random.Next(2) == 0 ? OptionRight.Call : OptionRight.Put;
            var strike = Spot * 0.5 * Math.Pow(4, random.NextDouble());
            var years = Math.Pow(3 * 365, random.NextDouble()) / 365;
            yield return (right, strike, years, 0.01 * Math.Pow(300, random.NextDouble()));
        }
    }

    /// <summary>Solves the premium of every point whose vega is above the minimum; the misses described, and how many points were checked.</summary>
    private static (List<string> Failures, int Checked) RoundTrips(IEnumerable<(OptionRight Right, double Strike, double Years, double Volatility)> points)
    {
        var failures = new List<string>();
        var checkedPoints = 0;
        foreach (var (right, strike, years, volatility) in points)
        {
            var value = BlackScholes.Value(right, Spot, strike, years, 0.04, 0.015, volatility);
            // OptionValuation quotes vega per vol point (÷100).
            if (value.Vega * 100 <= MinimumVega)
            {
                continue;
            }

            checkedPoints++;
            var sigma = ImpliedVolatility.Solve(right, value.Price, Spot, strike, years, 0.04, 0.015);
            var largest = Math.Max(Spot, strike);
            var premiumRounding = 4 * (Math.BitIncrement(largest) - largest) / (value.Vega * 100);
            var repriced = BlackScholes.Value(right, Spot, strike, years, 0.04, 0.015, sigma).Price;
            if (Math.Abs(sigma - volatility) > VolatilityTolerance + premiumRounding || Math.Abs(repriced - value.Price) > PriceTolerance)
            {
                failures.Add($"{right} K={strike:R} T={years:R} σ={volatility:R}: solved {sigma:R}, error {Math.Abs(sigma - volatility):E2}, vega {value.Vega * 100:E2}");
            }
        }

        return (failures, checkedPoints);
    }
}
