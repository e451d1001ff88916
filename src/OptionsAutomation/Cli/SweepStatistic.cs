using OptionsAutomation.Hosting.Settings;

namespace OptionsAutomation.Cli;

/// <summary>
/// What <c>backtest sweep --sort</c> orders by: the best first. For every statistic that is the highest value, except
/// max_drawdown, where the best is the least deep (closest to 0). A statistic a run cannot have (NaN, no trades for a win
/// rate) sorts last; ties keep the grid's order.
/// </summary>
internal static class SweepStatistic
{
    public const string Default = "sharpe";

    private static readonly IReadOnlyDictionary<string, Func<BacktestJson.StatsJson, double>> Keys = new Dictionary<string, Func<BacktestJson.StatsJson, double>>(StringComparer.Ordinal)
    {
        ["sharpe"] = s => s.Sharpe,
        ["sortino"] = s => s.Sortino,
        ["calmar"] = s => s.Calmar,
        ["cagr"] = s => s.Cagr,
        ["total_return"] = s => s.TotalReturn,
        // The depth is a negative fraction: the least deep is the highest.
        ["max_drawdown"] = s => s.MaxDrawdown.Depth,
        ["win_rate"] = s => s.WinRate is { } rate ? (double)rate : double.NaN,
        ["profit_factor"] = s => s.ProfitFactor,
        ["trades"] = s => s.Trades,
    };

    public static IReadOnlyCollection<string> Names => [.. Keys.Keys];

    /// <exception cref="CliUsageException">for a name that is not a statistic.</exception>
    public static Func<BacktestJson.StatsJson, double> Of(string name) =>
        Keys.TryGetValue(name, out var key)
            ? key
            : throw new CliUsageException(KeySuggestion.Nearest(name, Keys.Keys) is { } meant
                ? $"--sort {name}: not a statistic; did you mean {meant}?"
                : $"--sort {name}: not a statistic; expected one of {string.Join(", ", Keys.Keys)}.");

    /// <summary>The indexes of <paramref name="stats"/>, best first by <paramref name="name"/>.</summary>
    public static IReadOnlyList<int> Order(IReadOnlyList<BacktestJson.StatsJson> stats, string name)
    {
        var key = Of(name);
        // Each run's value read once; OrderBy is a stable sort, so ties keep the grid's order.
        return [.. stats.Select((s, i) => (Index: i, Value: key(s)))
            .OrderBy(r => double.IsNaN(r.Value))
            .ThenByDescending(r => double.IsNaN(r.Value) ? 0 : r.Value)
            .Select(r => r.Index)];
    }
}
