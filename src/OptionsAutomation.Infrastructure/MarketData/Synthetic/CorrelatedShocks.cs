namespace OptionsAutomation.Infrastructure.MarketData.Synthetic;

/// <summary>
/// The random shocks of every synthetic underlying, correlated as configured: with L the Cholesky factor of the
/// correlation matrix (symbols in ordinal order), the shock of symbol i for a counter (a day, or a minute) is
/// Σⱼ L[i,j]·Zⱼ, where Zⱼ is symbol j's own counter-based normal. Days and minutes alike are correlated, so returns
/// over any span — close to close, or open to 16:00 — carry the configured correlation. Each shock is still a pure
/// function of (seed, symbols, matrix, counter), so the market stays the same whatever is asked first and on whatever
/// thread; symbol i costs i + 1 draws a shock. With no correlation L is the identity and every symbol walks on its
/// own draws, as before correlations existed.
/// </summary>
internal sealed class CorrelatedShocks
{
    private readonly string[] _symbols;
    private readonly CounterRandom[] _factors;
    private readonly double[,] _cholesky;

    public CorrelatedShocks(SyntheticMarketDataSettings settings)
    {
        _symbols = [.. settings.Underlyings.Keys.Order(StringComparer.Ordinal)];
        _factors = [.. _symbols.Select(s => new CounterRandom(settings.Seed, s))];
        _cholesky = Cholesky(Matrix(_symbols, settings))
            ?? throw new InvalidOperationException($"{SyntheticMarketDataSettings.SectionName}:{nameof(SyntheticMarketDataSettings.Correlations)} is not a valid correlation matrix (not positive definite).");
    }

    /// <summary>The standard normal shocks of <paramref name="symbol"/>.</summary>
    public CorrelatedNormal For(string symbol)
    {
        var i = Array.IndexOf(_symbols, symbol);
        return new CorrelatedNormal(_factors[..(i + 1)], [.. Enumerable.Range(0, i + 1).Select(j => _cholesky[i, j])]);
    }

    /// <summary>The matrix of the configured pairs among <paramref name="symbols"/>: 1 on the diagonal, 0 where no pair is given.</summary>
    public static double[,] Matrix(IReadOnlyList<string> symbols, SyntheticMarketDataSettings settings)
    {
        var matrix = new double[symbols.Count, symbols.Count];
        for (var i = 0; i < symbols.Count; i++)
        {
            for (var j = 0; j < symbols.Count; j++)
            {
                matrix[i, j] = i == j ? 1 : settings.Correlation(symbols[i], symbols[j]) ?? 0;
            }
        }

        return matrix;
    }

    /// <summary>The lower-triangular L with L·Lᵀ = <paramref name="matrix"/>, or null when it is not positive definite.</summary>
    public static double[,]? Cholesky(double[,] matrix)
    {
        var n = matrix.GetLength(0);
        var l = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = matrix[i, j];
                for (var k = 0; k < j; k++)
                {
                    sum -= l[i, k] * l[j, k];
                }

                if (i == j)
                {
                    if (sum <= 1e-12)
                    {
                        return null;
                    }

                    l[i, i] = Math.Sqrt(sum);
                }
                else
                {
                    l[i, j] = sum / l[j, j];
                }
            }
        }

        return l;
    }
}
