using OptionsAutomation.Core.Backtest;
using OptionsAutomation.Infrastructure.Brokers;

namespace OptionsAutomation.Cli;

/// <summary>
/// <c>optauto backtest sweep --json</c>: one object per combination (its overrides, the run's activity and its
/// statistics as <c>backtest --json</c> prints them), best first by <see cref="Sort"/>, ties in the grid's order; the
/// assumptions of all runs once (they differ only if a swept key changes one). Nothing in it depends on which run
/// finished first, so the same inputs give the same bytes at any <c>--parallel</c>.
/// </summary>
internal sealed record BacktestSweepJson(
    string Profile,
    DateOnly From,
    DateOnly To,
    string Sort,
    IReadOnlyList<string> Assumptions,
    IReadOnlyList<BacktestSweepJson.CombinationJson> Combinations)
{
    public sealed record CombinationJson(IReadOnlyList<SweepGrid.Override> Overrides, BacktestJson.RunJson Run, BacktestJson.StatsJson Stats);

    /// <param name="runs">In the grid's order: each combination's overrides, result and paper settings.</param>
    public static BacktestSweepJson Of(string profile, string sort, IReadOnlyList<(IReadOnlyList<SweepGrid.Override> Overrides, BacktestResult Result, PaperBrokerSettings Paper)> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var reports = runs.Select(r => (r.Overrides, Report: BacktestJson.Of(r.Result, profile, r.Paper))).ToList();
        var order = SweepStatistic.Order([.. reports.Select(r => r.Report.Stats)], sort);
        var run = runs[0].Result.Run;
        return new BacktestSweepJson(
            profile,
            run.From,
            run.To,
            sort,
            [.. reports.SelectMany(r => r.Report.Assumptions).Distinct(StringComparer.Ordinal)],
            [.. order.Select(i => new CombinationJson(reports[i].Overrides, reports[i].Report.Run, reports[i].Report.Stats))]);
    }
}
