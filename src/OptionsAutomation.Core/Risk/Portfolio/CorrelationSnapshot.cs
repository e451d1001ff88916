namespace OptionsAutomation.Core.Risk.Portfolio;

/// <summary>The correlation matrix of a stored risk snapshot (rows and columns in the order of <see cref="Underlyings"/>).</summary>
public sealed record CorrelationSnapshot(DateTimeOffset TakenAt, IReadOnlyList<string> Underlyings, IReadOnlyList<IReadOnlyList<decimal>> Correlation)
{
    /// <summary>The stored correlation of two underlyings, null when the snapshot did not have both.</summary>
    public decimal? Between(string first, string second)
    {
        var (i, j) = (Underlyings.ToList().IndexOf(first), Underlyings.ToList().IndexOf(second));
        return i < 0 || j < 0 || i >= Correlation.Count || j >= Correlation[i].Count ? null : Correlation[i][j];
    }
}
