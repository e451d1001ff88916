namespace OptionsAutomation.Core.Risk.Portfolio;

/// <summary>
/// The lower-triangular L with L·Lᵀ = A of a symmetric positive semi-definite matrix (a correlation matrix),
/// which turns independent standard normals z into correlated ones L·z for the Monte Carlo VaR.
/// </summary>
/// <remarks>
/// Correlations estimated from a short history are often only semi-definite (two underlyings that moved in
/// lockstep give a correlation of 1). A pivot within <see cref="Tolerance"/> of zero means the column adds
/// nothing the earlier ones do not already explain, so it is set to zero rather than refused; a clearly
/// negative pivot means the matrix is not a correlation matrix at all and is refused.
/// </remarks>
public static class Cholesky
{
    public const double Tolerance = 1e-10;

    public static double[,] Decompose(double[,] matrix)
    {
        var n = matrix.GetLength(0);
        if (matrix.GetLength(1) != n)
        {
            throw new ArgumentException($"matrix must be square, was {n}×{matrix.GetLength(1)}.", nameof(matrix));
        }

        var lower = new double[n, n];
        for (var j = 0; j < n; j++)
        {
            var pivot = matrix[j, j];
            for (var k = 0; k < j; k++)
            {
                pivot -= lower[j, k] * lower[j, k];
            }

            if (pivot < -Tolerance)
            {
                throw new ArgumentException($"matrix is not positive semi-definite (pivot {pivot} at row {j}).", nameof(matrix));
            }

            var diagonal = pivot <= Tolerance ? 0 : Math.Sqrt(pivot);
            lower[j, j] = diagonal;
            for (var i = j + 1; i < n; i++)
            {
                var sum = matrix[i, j];
                for (var k = 0; k < j; k++)
                {
                    sum -= lower[i, k] * lower[j, k];
                }

                lower[i, j] = diagonal == 0 ? 0 : sum / diagonal;
            }
        }

        return lower;
    }
}
