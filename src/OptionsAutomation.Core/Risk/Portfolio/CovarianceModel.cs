namespace OptionsAutomation.Core.Risk.Portfolio;

/// <summary>
/// Sample daily volatilities, covariances and correlations of the underlyings' log returns, in the order of
/// <see cref="Underlyings"/>, with their betas to a benchmark when the history has it.
/// </summary>
public sealed class CovarianceModel
{
    public CovarianceModel(ReturnHistory history, IReadOnlyList<string> underlyings)
    {
        Underlyings = underlyings;
        var n = underlyings.Count;
        var series = underlyings.Select(history.Returns).ToArray();
        Covariance = new double[n, n];
        Correlation = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                Covariance[i, j] = RiskStatistics.Covariance(series[i], series[j]);
                Correlation[i, j] = i == j ? 1 : RiskStatistics.Correlation(series[i], series[j]);
            }
        }

        Volatilities = [.. Enumerable.Range(0, n).Select(i => Math.Sqrt(Covariance[i, i]))];
    }

    public IReadOnlyList<string> Underlyings { get; }

    public double[,] Covariance { get; }

    public double[,] Correlation { get; }

    /// <summary>Daily standard deviation of each underlying's log returns.</summary>
    public IReadOnlyList<double> Volatilities { get; }

    public int IndexOf(string underlying) => Underlyings.ToList().IndexOf(underlying);

    /// <summary>σ_P = √(δᵀΣδ): the standard deviation of a day's P&amp;L of dollar exposures δ per underlying (delta-normal).</summary>
    public double Sigma(IReadOnlyList<double> exposures) => Sigma(exposures, Times(exposures));

    /// <summary>σ_P from δ and Σδ already computed (<see cref="Times"/>), for callers that need Σδ too.</summary>
    public static double Sigma(IReadOnlyList<double> exposures, IReadOnlyList<double> marginal) =>
        Math.Sqrt(Math.Max(exposures.Select((e, i) => e * marginal[i]).Sum(), 0));

    /// <summary>Σ·v for a vector of dollar exposures per underlying.</summary>
    public double[] Times(IReadOnlyList<double> exposures)
    {
        var n = Underlyings.Count;
        var result = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                result[i] += Covariance[i, j] * exposures[j];
            }
        }

        return result;
    }
}
