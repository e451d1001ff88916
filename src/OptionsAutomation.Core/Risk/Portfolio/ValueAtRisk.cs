namespace OptionsAutomation.Core.Risk.Portfolio;

/// <summary>
/// One-day VaR and CVaR of a set of positions by three methods. Historical and Monte Carlo revalue every option
/// leg in full under each scenario (historical by <see cref="Revaluation"/>, Monte Carlo by its price-only grouped
/// <see cref="SimulationBook"/>); parametric is delta-normal. All three assume a
/// zero expected daily return (over one day the mean is noise next to the volatility).
/// </summary>
public sealed class ValueAtRisk(Revaluation revaluation, double confidence)
{
    /// <summary>Replays each day of <paramref name="history"/>: every spot moves by its underlying's log return that day.</summary>
    public (VarEstimate Estimate, IReadOnlyList<double> Pnl) Historical(IReadOnlyList<RiskPosition> positions, ReturnHistory history)
    {
        var pnl = Enumerable.Range(0, history.Days)
            .Select(day => revaluation.Pnl(positions, new MarketShock(u => Math.Exp(history.Returns(u)[day]))))
            .ToList();
        return (VarEstimate.FromSample(pnl, confidence), pnl);
    }

    /// <summary>
    /// Delta-normal: σ_P² = δᵀΣδ with δ the dollar delta per underlying and Σ the covariance of daily log returns;
    /// VaR = z·σ_P, CVaR = σ_P·φ(z)/(1 − c). Component VaR of a position = z·δ_p·(Σδ)_u(p)/σ_P; the components add
    /// up to the VaR (Euler allocation).
    /// </summary>
    public ParametricVar Parametric(IReadOnlyList<(RiskPosition Position, double DeltaDollars)> positions, CovarianceModel model)
    {
        var exposures = new double[model.Underlyings.Count];
        foreach (var (position, delta) in positions)
        {
            exposures[model.IndexOf(position.Underlying)] += delta;
        }

        var marginal = model.Times(exposures);
        var sigma = CovarianceModel.Sigma(exposures, marginal);
        var z = NormalQuantile.Of(confidence);
        var density = Pricing.NormalDistribution.Pdf(z);
        var components = positions
            .Select(p => sigma == 0 ? 0 : z * p.DeltaDollars * marginal[model.IndexOf(p.Position.Underlying)] / sigma)
            .ToList();
        return new ParametricVar(VarEstimate.FromDollars(z * sigma, sigma * density / (1 - confidence)), sigma, components);
    }

    /// <summary>
    /// <paramref name="paths"/> days of correlated normal log returns r = σ ⊙ (L·z), L the Cholesky factor of the
    /// correlation matrix and z the path's own draws (<see cref="PathNormals"/>: a function of <paramref name="seed"/> and
    /// the path's index), each revalued in full by the grouped book (<see cref="SimulationBook"/>). Paths run in parallel
    /// on up to <paramref name="maxThreads"/> threads (−1: as many as the machine has); each writes only its own P&amp;L, so
    /// the same inputs and seed give the same figures whatever the number of threads.
    /// </summary>
    public VarEstimate MonteCarlo(IReadOnlyList<RiskPosition> positions, CovarianceModel model, int paths, int seed, int maxThreads = -1)
    {
        var n = model.Underlyings.Count;
        var lower = Cholesky.Decompose(model.Correlation);
        var volatilities = model.Volatilities.ToArray();
        var book = new SimulationBook(positions, model, revaluation.RiskFreeRate, revaluation.DividendYieldOf);
        var pnl = new double[paths];
        Parallel.For(
            0, paths, new ParallelOptions { MaxDegreeOfParallelism = maxThreads },
            () => new double[3 * n],
            (path, _, scratch) =>
            {
                var normals = new PathNormals(seed, path);
                var z = scratch.AsSpan(0, n);
                var logReturns = scratch.AsSpan(n, n);
                var factors = scratch.AsSpan(2 * n, n);
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

                    logReturns[i] = volatilities[i] * correlated;
                    factors[i] = Math.Exp(logReturns[i]);
                }

                pnl[path] = book.Pnl(logReturns, factors);
                return scratch;
            },
            _ => { });
        return VarEstimate.FromSample(pnl, confidence);
    }
}

/// <summary>The delta-normal VaR, the one-day standard deviation of P&amp;L it rests on, and each position's component (input order).</summary>
public sealed record ParametricVar(VarEstimate Estimate, double PnlSigma, IReadOnlyList<double> Components);
