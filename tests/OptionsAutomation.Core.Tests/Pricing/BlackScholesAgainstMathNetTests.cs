using MathNet.Numerics.Distributions;
using OptionsAutomation.Benchmarks.Pricing;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Pricing;

namespace OptionsAutomation.Core.Tests.Pricing;

/// <summary>
/// The fast paths of <see cref="BlackScholes.Value"/> (remembered expiry factors, the d₂ Gaussian from the d₁ one, Φ by
/// Cody's erfc in Estrin form) against the textbook formulas over MathNet.Numerics' normal distribution, on a grid: the
/// benchmarks' <see cref="PlainBlackScholes"/>, compiled into this project too.
/// </summary>
public sealed class BlackScholesAgainstMathNetTests
{
    private const double Tolerance = 1e-12;

    /// <summary>
    /// Absolute agreement only: in the far tail MathNet forms erfc(−x/√2), and rounding x/√2 costs it up to x²·ε relative
    /// (2e-13 at −37), where ours keeps 1e-15 against 40-digit references (<see cref="NormalDistributionTests"/>).
    /// </summary>
    [Fact]
    public void Cdf_AgreesWithMathNetTo1e14AbsoluteFromMinus38To9()
    {
        var worst = 0.0;
        for (var x = -38.0; x <= 9.0; x += 0.001)
        {
            worst = Math.Max(worst, Math.Abs(NormalDistribution.Cdf(x) - Normal.CDF(0, 1, x)));
        }

        Assert.True(worst <= 1e-14, $"largest difference {worst:E2}");
    }

    /// <summary>
    /// Price and each Greek within 1e-12 relative or 1e-12 absolute of the plain version, over moneyness 0.5–2, 1 day to 3
    /// years, σ 1%–300%, rates and yields either side of each other, in an order that changes expiry every call (so the
    /// per-thread expiry memo is hit and missed).
    /// </summary>
    [Fact]
    public void Value_OnAGrid_AgreesWithTheTextbookFormulaOverMathNet()
    {
        var failures = new List<string>();
        var count = 0;
        foreach (var (rate, dividendYield) in new[] { (0.04, 0.0134), (0.0, 0.0), (0.01, 0.06) })
        {
            foreach (var moneyness in new[] { 0.5, 0.7, 0.85, 0.95, 1.0, 1.05, 1.2, 1.5, 2.0 })
            {
                foreach (var volatility in new[] { 0.01, 0.05, 0.2, 0.6, 1.5, 3.0 })
                {
                    foreach (var years in new[] { 1.0 / 365, 7.0 / 365, 30.0 / 365, 0.25, 1, 3 })
                    {
                        foreach (var right in new[] { OptionRight.Call, OptionRight.Put })
                        {
                            count++;
                            var strike = 420 * moneyness;
                            var ours = BlackScholes.Value(right, 420, strike, years, rate, dividendYield, volatility);
                            var plain = PlainBlackScholes.Value(right, 420, strike, years, rate, dividendYield, volatility);
                            foreach (var (name, a, b) in new[]
                            {
                                ("price", ours.Price, plain.Price), ("delta", ours.Delta, plain.Delta), ("gamma", ours.Gamma, plain.Gamma),
                                ("vega", ours.Vega, plain.Vega), ("theta", ours.Theta, plain.Theta), ("rho", ours.Rho, plain.Rho),
                            })
                            {
                                if (Math.Abs(a - b) > Math.Max(Tolerance, Tolerance * Math.Abs(b)))
                                {
                                    failures.Add($"{right} K={strike} T={years:R} σ={volatility} r={rate} q={dividendYield}: {name} {a:R} vs {b:R}");
                                }
                            }
                        }
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {count * 6}:{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(40))}");
    }
}
