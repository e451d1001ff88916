using OptionsAutomation.Core.Risk.Portfolio;

namespace OptionsAutomation.Benchmarks.Risk;

/// <summary>
/// The Monte Carlo VaR as it was before issue 15, kept as the benchmark's baseline: a dictionary of spot factors and a
/// <see cref="MarketShock"/> per path, and every position revalued in full by
/// <see cref="Revaluation.Pnl(RiskPosition, MarketShock)"/> — price and Greeks per leg, the unshocked value again on every
/// path, no grouping, one thread. One change: its normals are the fast path's (<see cref="PathNormals"/>) rather than
/// one <see cref="Random"/> for all paths, so the two compute the same paths and must agree to the cent — a check that
/// two streams' estimates, a few percent apart by chance, could not make. Drawing them costs the same either way.
/// </summary>
internal static class PlainMonteCarloVar
{
    /// <summary>The one-day VaR (a loss, positive) at <paramref name="confidence"/>, the empirical quantile of the paths' P&amp;L.</summary>
    public static double Var(Revaluation revaluation, IReadOnlyList<RiskPosition> positions, CovarianceModel model, int paths, int seed, double confidence)
    {
        var n = model.Underlyings.Count;
        var lower = Cholesky.Decompose(model.Correlation);
        var pnl = new double[paths];
        var z = new double[n];
        var factors = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var path = 0; path < paths; path++)
        {
            var normals = new PathNormals(seed, path);
            for (var i = 0; i < n; i++)
            {
                z[i] = normals.Next();
            }

            for (var i = 0; i < n; i++)
            {
                var correlated = 0.0;
                for (var k = 0; k <= i; k++)
                {
                    correlated += lower[i, k] * z[k];
                }

                factors[model.Underlyings[i]] = Math.Exp(model.Volatilities[i] * correlated);
            }

            pnl[path] = revaluation.Pnl(positions, new MarketShock(u => factors[u]));
        }

        return -RiskStatistics.Quantile(pnl, 1 - confidence);
    }
}
