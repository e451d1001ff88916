using System.Globalization;
using OptionsAutomation.Hosting.Settings;

namespace OptionsAutomation.Cli;

/// <summary>
/// The grid of <c>backtest sweep</c>: each <c>--param KEY=v1,v2,…</c> is one axis, and every combination of one value
/// per axis is one backtest. Combinations are numbered in a fixed order (the first <c>--param</c> varies slowest), so
/// the output never depends on which run finished first.
/// </summary>
internal sealed record SweepGrid(IReadOnlyList<SweepGrid.Axis> Axes)
{
    /// <summary>
    /// At about 6 s a run over the whole history on one core, 100 runs take about 5 minutes on two cores: a grid larger
    /// than that is more likely a typo than a plan, and each run holds its own book in memory.
    /// </summary>
    public const int MaxCombinations = 100;

    /// <summary>One setting and the values it takes, as typed (the configuration binder converts them).</summary>
    public sealed record Axis(string Key, IReadOnlyList<string> Values);

    /// <summary>One value per axis, in the axes' order.</summary>
    public sealed record Override(string Key, string Value);

    /// <exception cref="CliUsageException">a malformed <c>--param</c>, a key that is no setting, a key or value given twice, or too many combinations.</exception>
    public static SweepGrid Parse(IReadOnlyList<string> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Count == 0)
        {
            throw new CliUsageException("give at least one --param KEY=v1,v2,… (e.g. --param ExitRules:ProfitTargetFraction=0.25,0.5,0.75).");
        }

        var axes = new List<Axis>();
        foreach (var text in parameters)
        {
            var equals = text.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new CliUsageException($"--param {text}: expected KEY=v1,v2,… (e.g. ExitRules:ProfitTargetFraction=0.25,0.5).");
            }

            var key = text[..equals].Trim();
            if (SettingKey.Problem(key) is { } problem)
            {
                throw new CliUsageException($"--param {text}: {problem}");
            }

            if (axes.Find(a => string.Equals(a.Key, key, StringComparison.OrdinalIgnoreCase)) is { } earlier)
            {
                throw new CliUsageException($"--param {text}: {earlier.Key} is already swept; give its values in one --param.");
            }

            var values = text[(equals + 1)..].Split(',').Select(v => v.Trim()).ToList();
            if (values.Find(v => v.Length == 0) is not null)
            {
                throw new CliUsageException($"--param {text}: a value of {key} is empty.");
            }

            if (values.GroupBy(v => v, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                throw new CliUsageException($"--param {text}: {key}={twice.Key} is given twice.");
            }

            axes.Add(new Axis(key, values));
        }

        var count = axes.Aggregate(1L, (product, axis) => product * axis.Values.Count);
        return count <= MaxCombinations
            ? new SweepGrid(axes)
            : throw new CliUsageException(string.Create(CultureInfo.InvariantCulture,
                $"the grid has {count} combinations ({string.Join(" × ", axes.Select(a => a.Values.Count))}); a sweep runs at most {MaxCombinations}."));
    }

    /// <summary>Every combination; the last axis varies fastest.</summary>
    public IReadOnlyList<IReadOnlyList<Override>> Combinations()
    {
        IEnumerable<IReadOnlyList<Override>> combinations = [[]];
        foreach (var axis in Axes)
        {
            combinations = combinations.SelectMany(c => axis.Values.Select(v => (IReadOnlyList<Override>)[.. c, new Override(axis.Key, v)]));
        }

        return [.. combinations];
    }
}
