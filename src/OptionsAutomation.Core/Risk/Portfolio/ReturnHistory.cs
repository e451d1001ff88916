namespace OptionsAutomation.Core.Risk.Portfolio;

/// <summary>
/// Daily log returns ln(Cₜ/Cₜ₋₁) of several underlyings over the same sessions, oldest first: row t of every
/// series is the same day, which is what the historical VaR replays and what correlations need.
/// </summary>
public sealed class ReturnHistory
{
    private readonly Dictionary<string, double[]> _returns;

    private ReturnHistory(IReadOnlyList<DateOnly> dates, Dictionary<string, double[]> returns)
    {
        Dates = dates;
        _returns = returns;
    }

    /// <summary>The session of each return (the later close of the pair).</summary>
    public IReadOnlyList<DateOnly> Dates { get; }

    public int Days => Dates.Count;

    public IReadOnlyList<string> Underlyings => [.. _returns.Keys.Order(StringComparer.Ordinal)];

    public bool Covers(string underlying) => _returns.ContainsKey(underlying);

    public IReadOnlyList<double> Returns(string underlying) =>
        _returns.TryGetValue(underlying, out var r) ? r : throw new KeyNotFoundException($"no return history for {underlying}.");

    /// <summary>
    /// From closes per session (oldest first). A session where any underlying has no close is dropped for all,
    /// so every return spans the same two sessions in every series.
    /// </summary>
    public static ReturnHistory FromCloses(IReadOnlyList<DateOnly> sessions, IReadOnlyDictionary<string, IReadOnlyList<decimal?>> closes)
    {
        var complete = Enumerable.Range(0, sessions.Count)
            .Where(i => closes.Values.All(c => c[i] is > 0m))
            .ToList();
        var dates = complete.Skip(1).Select(i => sessions[i]).ToList();
        var returns = closes.ToDictionary(
            c => c.Key,
            c => complete.Zip(complete.Skip(1), (a, b) => Math.Log((double)c.Value[b]!.Value / (double)c.Value[a]!.Value)).ToArray(),
            StringComparer.Ordinal);
        return new ReturnHistory(dates, returns);
    }

    /// <summary>Returns given directly (tests, replays), each series aligned on <paramref name="dates"/>.</summary>
    public static ReturnHistory FromReturns(IReadOnlyList<DateOnly> dates, IReadOnlyDictionary<string, double[]> returns)
    {
        foreach (var (underlying, series) in returns)
        {
            if (series.Length != dates.Count)
            {
                throw new ArgumentException($"{underlying} has {series.Length} returns for {dates.Count} dates.", nameof(returns));
            }
        }

        return new ReturnHistory(dates, returns.ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal));
    }
}
